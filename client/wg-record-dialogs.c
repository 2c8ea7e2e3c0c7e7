#define G_LOG_DOMAIN "wg-record-dialogs"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-api-client-people.h"
#include "wg-person-rules.h"
#include "wg-record-dialogs.h"
#include "wg-record-rules.h"

/* Confirmation */

typedef struct {
  WgRecordConfirmCallback callback;
  gpointer owner;
} ConfirmData;

static void
confirm_data_free (gpointer data)
{
  ConfirmData *confirm = data;

  g_object_unref (confirm->owner);
  g_free (confirm);
}

static void
wg_record_confirm_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               ConfirmData      *confirm)
{
  if (g_str_equal (response, "go"))
    confirm->callback (confirm->owner);
}

static GtkWidget *
wg_record_dialog_new (GtkWidget        *parent,
                      const char       *heading,
                      const char       *body,
                      const char       *go_label,
                      AdwResponseAppearance appearance)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "go", go_label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "go", appearance);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

GtkWidget *
wg_record_confirm (GtkWidget               *parent,
                   const char              *heading,
                   const char              *body,
                   const char              *go_label,
                   WgRecordConfirmCallback  callback,
                   gpointer                 owner)
{
  GtkWidget *dialog = wg_record_dialog_new (parent, heading, body, go_label, ADW_RESPONSE_DESTRUCTIVE);
  ConfirmData *confirm = g_new0 (ConfirmData, 1);

  confirm->callback = callback;
  confirm->owner = g_object_ref (owner);
  g_object_set_data_full (G_OBJECT (dialog), "wg-dialog-data", confirm, confirm_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (wg_record_confirm_response_cb), confirm);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Choosing a person */

typedef struct {
  WgRecordPersonCallback callback;
  gpointer owner;
  WgApiClient *client;
  GCancellable *cancellable;
  AdwMessageDialog *dialog;
  GtkListBox *results;
  GtkDropDown *choice;
  GtkEditable *from_date;
  const char * const *values;
} PersonData;

static void
person_data_free (gpointer data)
{
  PersonData *person = data;

  g_cancellable_cancel (person->cancellable);
  g_object_unref (person->cancellable);
  g_object_unref (person->client);
  g_object_unref (person->owner);
  g_free (person);
}

static gint64
wg_record_selected_person (PersonData *person)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (person->results);

  return row != NULL ? GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "wg-person-id")) : 0;
}

static const WgFieldSpec from_date_field = { .name = "from_date", .type = WG_FIELD_DATE, .flags = WG_FIELD_REQUIRED };

static void
wg_record_person_update (PersonData *person)
{
  g_autoptr(JsonNode) date = NULL;

  if (person->from_date != NULL)
    date = wg_record_field_from_text (&from_date_field, gtk_editable_get_text (person->from_date), NULL);
  adw_message_dialog_set_response_enabled (person->dialog, "go", wg_record_selected_person (person) > 0 &&
                                                                 (person->from_date == NULL || date != NULL));
}

static void
wg_record_person_page_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  PersonData *person = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPersonPage) page = wg_api_client_list_people_finish (WG_API_CLIENT (source), result, &error);
  GtkWidget *child;

  if (page == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (person->results))) != NULL)
    gtk_list_box_remove (person->results, child);
  for (guint i = 0; i < page->items->len; i++)
    {
      WgPerson *found = g_ptr_array_index (page->items, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wg_person_get_name (found));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), wg_person_get_birth_date (found));
      g_object_set_data (G_OBJECT (row), "wg-person-id", GSIZE_TO_POINTER ((gsize) wg_person_get_id (found)));
      gtk_list_box_append (person->results, row);
    }
  wg_record_person_update (person);
}

static void
wg_record_person_search_cb (GtkSearchEntry *entry,
                            PersonData     *person)
{
  g_autofree char *q = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  WgPeopleQuery query = { .q = q };

  g_cancellable_cancel (person->cancellable);
  g_object_unref (person->cancellable);
  person->cancellable = g_cancellable_new ();
  if (*q == '\0')
    return;
  /* the dialog's data lives as long as the dialog, which the cancellable
   * outlives only cancelled */
  wg_api_client_list_people_async (person->client, &query, NULL, 20, FALSE, person->cancellable,
                                   wg_record_person_page_cb, person);
}

static void
wg_record_person_changed_cb (GtkWidget  *widget,
                             PersonData *person)
{
  wg_record_person_update (person);
}

static void
wg_record_person_response_cb (AdwMessageDialog *dialog,
                              const char       *response,
                              PersonData       *person)
{
  guint selected = gtk_drop_down_get_selected (person->choice);

  if (!g_str_equal (response, "go") || wg_record_selected_person (person) <= 0)
    return;
  person->callback (person->owner, wg_record_selected_person (person), person->values[selected],
                    person->from_date != NULL ? gtk_editable_get_text (person->from_date) : NULL);
}

static GtkWidget *
wg_record_person_choice (PersonData *person,
                         gboolean    resident)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  person->values = resident ? wg_record_residence_kinds : wg_person_relations;
  for (guint i = 0; person->values[i] != NULL; i++)
    gtk_string_list_append (labels, resident ? wg_record_residence_label (person->values[i])
                                             : wg_person_relation_label (person->values[i]));
  person->choice = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL));
  /* not the head (a household has one already, most of the time), nor
   * an owner: the common case */
  for (guint i = 0; person->values[i] != NULL; i++)
    if (g_str_equal (person->values[i], resident ? "resident" : "other"))
      gtk_drop_down_set_selected (person->choice, i);
  gtk_widget_set_tooltip_text (GTK_WIDGET (person->choice), resident ? _("Lives here as") : _("Relation to the head"));
  return GTK_WIDGET (person->choice);
}

static GtkWidget *
wg_record_person_box (PersonData *person,
                      gboolean    resident)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *results = gtk_list_box_new ();

  g_object_set (entry, "placeholder-text", _("Name, phone or ID number"), NULL);
  g_signal_connect (entry, "search-changed", G_CALLBACK (wg_record_person_search_cb), person);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_widget_add_css_class (results, "boxed-list");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), results);
  person->results = GTK_LIST_BOX (results);
  g_signal_connect (results, "selected-rows-changed", G_CALLBACK (wg_record_person_changed_cb), person);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), wg_record_person_choice (person, resident));
  if (resident)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
      GtkWidget *date = gtk_entry_new ();

      gtk_editable_set_text (GTK_EDITABLE (date), today);
      gtk_widget_set_tooltip_text (date, _("Since (YYYY-MM-DD)"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (date), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Since"), -1);
      g_signal_connect (date, "changed", G_CALLBACK (wg_record_person_changed_cb), person);
      person->from_date = GTK_EDITABLE (date);
      gtk_box_append (GTK_BOX (box), date);
    }
  return box;
}

GtkWidget *
wg_record_ask_person (GtkWidget              *parent,
                      WgApiClient            *client,
                      gboolean                resident,
                      WgRecordPersonCallback  callback,
                      gpointer                owner)
{
  GtkWidget *dialog;
  PersonData *person = g_new0 (PersonData, 1);

  dialog = wg_record_dialog_new (parent, resident ? _("Add a Resident") : _("Add a Household Member"),
                                 resident ? _("Find the person, then say how and since when they live here.")
                                          : _("Find the person, then choose their relation to the head of household."),
                                 _("_Add"), ADW_RESPONSE_SUGGESTED);
  person->callback = callback;
  person->owner = g_object_ref (owner);
  person->client = g_object_ref (client);
  person->cancellable = g_cancellable_new ();
  person->dialog = ADW_MESSAGE_DIALOG (dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), wg_record_person_box (person, resident));
  g_object_set_data_full (G_OBJECT (dialog), "wg-dialog-data", person, person_data_free);
  g_signal_connect (dialog, "response", G_CALLBACK (wg_record_person_response_cb), person);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "go", FALSE);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
