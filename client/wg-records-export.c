#define G_LOG_DOMAIN "wg-records-export"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wg-api-client-csv.h"
#include "wg-error-messages.h"
#include "wg-import-rules.h"
#include "wg-records-export.h"

/* One export, from the save dialog to the written file. */
typedef struct {
  GtkWindow            *parent;     /* weak */
  WgApiClient          *client;
  char                 *kind_name;
  GHashTable           *filters;
  GtkFileChooserNative *chooser;
  GFile                *file;
} Export;

static void
export_free (Export *export)
{
  g_clear_weak_pointer (&export->parent);
  g_clear_object (&export->client);
  g_free (export->kind_name);
  g_clear_pointer (&export->filters, g_hash_table_unref);
  if (export->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (export->chooser));
  g_clear_object (&export->chooser);
  g_clear_object (&export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

/* The first toast overlay inside @widget, or NULL. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
export_tell (Export     *export,
             const char *message)
{
  AdwToastOverlay *overlay = export->parent != NULL
                             ? find_toast_overlay (GTK_WIDGET (export->parent)) : NULL;
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (overlay, adw_toast_new (message));
      return;
    }
  dialog = adw_message_dialog_new (export->parent, message, NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_tell_error (Export       *export,
                   const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error->domain == G_IO_ERROR)
    /* Translators: %s is the reason the file system gave */
    message = g_strdup_printf (_("The file could not be saved: %s"), error->message);
  else
    message = wg_error_get_user_message (error);
  if (message != NULL)
    export_tell (export, message);
}

static void
export_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      export_tell_error (export, error);
      return;
    }
  name = g_file_get_basename (G_FILE (source));
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  export_tell (export, message);
}

static void
export_downloaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) csv = wg_api_client_export_csv_finish (WG_API_CLIENT (source), result, &error);
  GFile *file;

  if (csv == NULL)
    {
      export_tell_error (export, error);
      return;
    }
  file = export->file;
  g_file_replace_contents_bytes_async (file, csv, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, export_written_cb, g_steal_pointer (&export));
}

static void
export_chooser_response_cb (GtkFileChooserNative *chooser,
                            int                   response,
                            gpointer              user_data)
{
  g_autoptr(Export) export = user_data;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  export->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (export->file == NULL)
    return;
  export_tell (export, _("Exporting…"));
  wg_api_client_export_csv_async (export->client, export->kind_name, export->filters, NULL,
                                  export_downloaded_cb, g_steal_pointer (&export));
}

void
wg_records_export (GtkWindow   *parent,
                   WgApiClient *client,
                   const char  *kind_name,
                   GHashTable  *filters)
{
  Export *export;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (WG_IS_API_CLIENT (client));
  g_return_if_fail (kind_name != NULL);

  export = g_new0 (Export, 1);
  g_set_weak_pointer (&export->parent, parent);
  export->client = g_object_ref (client);
  export->kind_name = g_strdup (kind_name);
  export->filters = filters != NULL ? g_hash_table_ref (filters) : NULL;
  export->chooser = gtk_file_chooser_native_new (_("Export as CSV"), parent,
                                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                 _("_Cancel"));
  name = wg_export_file_name (kind_name, now);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (export->chooser), name);
  g_signal_connect (export->chooser, "response", G_CALLBACK (export_chooser_response_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (export->chooser));
}
