#define G_LOG_DOMAIN "wg-person-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-person-dialogs.h"
#include "wg-person-rules.h"

typedef struct {
  WgPersonDialogCallback callback;
  GObject *owner;
  GtkEditable *reason;   /* NULL for a confirmation */
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *dialog_data = data;

  g_clear_object (&dialog_data->owner);
  g_free (dialog_data);
}

static void
wg_person_dialog_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              DialogData       *data)
{
  const char *reason = NULL;
  g_autofree char *trimmed = NULL;

  if (g_strcmp0 (response, "go") != 0)
    return;
  if (data->reason != NULL)
    {
      trimmed = g_strstrip (g_strdup (gtk_editable_get_text (data->reason)));
      if (!wg_person_reveal_reason_ok (trimmed))
        return;
      reason = trimmed;
    }
  data->callback (data->owner, reason);
}

static GtkWidget *
wg_person_dialog_new (GtkWidget              *parent,
                      const char             *heading,
                      const char             *body,
                      const char             *go_label,
                      AdwResponseAppearance   appearance,
                      WgPersonDialogCallback  callback,
                      gpointer                owner,
                      DialogData            **out_data)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  DialogData *data = g_new0 (DialogData, 1);

  data->callback = callback;
  data->owner = g_object_ref (owner);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "go", go_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "go");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wg-dialog-data", data, dialog_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (wg_person_dialog_response_cb), data);
  *out_data = data;
  return dialog;
}

static void
wg_person_reason_changed_cb (GtkEditable      *reason,
                             AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "go",
                                           wg_person_reveal_reason_ok (gtk_editable_get_text (reason)));
}

GtkWidget *
wg_person_ask_reveal_reason (GtkWidget              *parent,
                             const char             *name,
                             WgPersonDialogCallback  callback,
                             gpointer                owner)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  DialogData *data;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Show the Full ID Number of %s?"), name);
  dialog = wg_person_dialog_new (parent, heading,
                                 _("The number is shown for 30 seconds. Your name, the time and the "
                                   "reason are recorded in the audit trail."),
                                 _("_Show Number"), ADW_RESPONSE_SUGGESTED, callback, owner, &data);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. household visit to verify identity"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_widget_set_tooltip_text (entry, _("At least 4 characters"));
  data->reason = GTK_EDITABLE (entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "go", FALSE);
  g_signal_connect (entry, "changed", G_CALLBACK (wg_person_reason_changed_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return dialog;
}

GtkWidget *
wg_person_confirm_delete (GtkWidget              *parent,
                          const char             *name,
                          WgPersonDialogCallback  callback,
                          gpointer                owner)
{
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  DialogData *data;

  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_("Delete %s?"), name);
  dialog = wg_person_dialog_new (parent, heading,
                                 _("The person is removed from the records, with their special-group tags "
                                   "and household membership. The deletion is recorded in the audit trail."),
                                 _("_Delete"), ADW_RESPONSE_DESTRUCTIVE, callback, owner, &data);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
