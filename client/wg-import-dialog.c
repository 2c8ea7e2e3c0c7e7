#define G_LOG_DOMAIN "wg-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-api-client-csv.h"
#include "wg-csv.h"
#include "wg-error-messages.h"
#include "wg-error.h"
#include "wg-import-dialog.h"
#include "wg-import-problem.h"
#include "wg-import-rules.h"

/* As the server allows (WG_CSV_IMPORT_MAX_BYTES). */
#define MAX_FILE_BYTES (8 * 1024 * 1024)

typedef enum {
  STATE_CHOOSE,
  STATE_CHECKING,
  STATE_REPORT,      /* rows were refused: the table */
  STATE_READY,       /* every row passed: the import may go */
  STATE_IMPORTING,
  STATE_RESULT,
} State;

struct _WgImportDialog {
  AdwWindow             parent_instance;

  WgApiClient          *client;
  char                 *kind_name;
  char                 *kind_label;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  char                 *file_name;
  GBytes               *csv;
  GPtrArray            *rows;      /* the file as read here, for the cells */
  JsonObject           *report;
  State                 state;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  GtkButton            *cancel_button;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkLabel             *busy_label;
  GtkLabel             *file_label;
  GtkLabel             *summary_label;
  GListStore           *problem_store;
  AdwStatusPage        *result_page;
  GtkButton            *result_button;
};

G_DEFINE_FINAL_TYPE (WgImportDialog, wg_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wg_import_dialog_start_check (WgImportDialog *self);

/* ---------------------------------------------------------- state */

/* The one place that decides what may be done. */
static void
wg_import_dialog_update_actions (WgImportDialog *self)
{
  gboolean idle = self->state != STATE_CHECKING && self->state != STATE_IMPORTING;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.template", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check",
                                 idle && self->csv != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 self->state == STATE_READY &&
                                 wg_import_report_is_clean (self->report));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), self->state == STATE_READY);
  /* An import under way finishes on the server whatever happens here: the
   * dialog stays to tell how it ended. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), self->state != STATE_IMPORTING);
  /* Once something was imported, what is left is to close. */
  gtk_button_set_label (self->cancel_button, self->state == STATE_RESULT ? _("_Close")
                                                                         : _("_Cancel"));
}

static void
wg_import_dialog_set_state (WgImportDialog *self,
                            State           state)
{
  static const char * const pages[] = {
    [STATE_CHOOSE] = "choose",
    [STATE_CHECKING] = "busy",
    [STATE_REPORT] = "report",
    [STATE_READY] = "result",
    [STATE_IMPORTING] = "busy",
    [STATE_RESULT] = "result",
  };

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  gtk_spinner_set_spinning (self->spinner, state == STATE_CHECKING || state == STATE_IMPORTING);
  wg_import_dialog_update_actions (self);
}

/* The result page: @action_name is what its button does. */
static void
wg_import_dialog_show_result (WgImportDialog *self,
                              const char     *icon_name,
                              const char     *title,
                              const char     *description,
                              const char     *button_label,
                              const char     *action_name)
{
  adw_status_page_set_icon_name (self->result_page, icon_name);
  adw_status_page_set_title (self->result_page, title);
  adw_status_page_set_description (self->result_page, description);
  gtk_button_set_label (self->result_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->result_button), action_name);
  wg_import_dialog_set_state (self, STATE_RESULT);
}

/* A file the server or this dialog could not read as a whole. */
static void
wg_import_dialog_show_file_error (WgImportDialog *self,
                                  const GError   *error)
{
  g_autofree char *description = NULL;
  const char *field = wg_error_get_field (error);

  if (g_error_matches (error, WG_ERROR, WG_ERROR_INVALID_INPUT) && field != NULL)
    description = g_strdup_printf (_("The first row of the file does not fit: check the column "
                                     "“%s” (not a field of these records, repeated, or "
                                     "required and missing)."), field);
  else if (g_error_matches (error, WG_ERROR, WG_ERROR_INVALID_INPUT))
    /* Translators: the second %s is a technical detail (in English) */
    description = g_strdup_printf (_("This file cannot be read as CSV. Save it from the "
                                     "spreadsheet as “CSV UTF-8” and try again.\n\n%s"),
                                   error->message);
  else
    description = wg_error_get_user_message (error);
  wg_import_dialog_show_result (self, "dialog-warning-symbolic", _("The File Cannot Be Imported"),
                                description, _("Choose _Another File…"), "import.choose");
}

/* ---------------------------------------------------------- report */

static void
wg_import_dialog_fill_problems (WgImportDialog *self)
{
  JsonArray *rejected = json_object_get_array_member (self->report, "rejected");
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; rejected != NULL && i < json_array_get_length (rejected); i++)
    {
      JsonObject *entry = json_array_get_object_element (rejected, i);
      guint row = json_object_get_int_member_with_default (entry, "row", 0);
      const char *field = json_object_get_string_member_with_default (entry, "field", NULL);
      const char *cell = wg_import_cell (self->rows, row, field);
      g_autofree char *message = wg_import_problem_message (self->kind_name, entry, cell);

      g_ptr_array_add (problems,
                       wg_import_problem_new (row, wg_import_field_label (self->kind_name, field),
                                              message));
    }
  g_list_store_splice (self->problem_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->problem_store)),
                       problems->pdata, problems->len);
}

/* Every row passed: the status page offers the import. */
static void
wg_import_dialog_show_ready (WgImportDialog *self)
{
  g_autofree char *summary = wg_import_report_summary (self->report);
  /* Translators: the file's name, then what its check found */
  g_autofree char *description = g_strdup_printf (_("%s\n%s\nNothing has been written yet."),
                                                  self->file_name, summary);

  adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->result_page, _("Ready to Import"));
  adw_status_page_set_description (self->result_page, description);
  gtk_button_set_label (self->result_button, _("Choose _Another File…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->result_button), "import.choose");
  wg_import_dialog_set_state (self, STATE_READY);
}

static void
wg_import_dialog_show_report (WgImportDialog *self)
{
  gint64 rows = json_object_get_int_member_with_default (self->report, "rows", 0);
  g_autofree char *summary = wg_import_report_summary (self->report);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %d Row",
                                                         "_Import %d Rows", rows), (int) rows);

  wg_import_dialog_fill_problems (self);
  gtk_button_set_label (self->import_button, label);
  if (wg_import_report_is_clean (self->report))
    {
      wg_import_dialog_show_ready (self);
      return;
    }
  gtk_label_set_text (self->file_label, self->file_name);
  gtk_label_set_text (self->summary_label, summary);
  wg_import_dialog_set_state (self, STATE_REPORT);
}

static void
wg_import_dialog_checked_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  WgImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = NULL;

  report = wg_api_client_import_csv_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report == NULL)
    {
      wg_import_dialog_show_file_error (self, error);
      return;
    }
  g_clear_pointer (&self->report, json_object_unref);
  self->report = g_steal_pointer (&report);
  wg_import_dialog_show_report (self);
}

static void
wg_import_dialog_start_check (WgImportDialog *self)
{
  /* Translators: %s is a file name */
  g_autofree char *busy = g_strdup_printf (_("Checking “%s”…"), self->file_name);

  gtk_label_set_text (self->busy_label, busy);
  wg_import_dialog_set_state (self, STATE_CHECKING);
  wg_api_client_import_csv_async (self->client, self->kind_name, self->csv, TRUE,
                                  self->cancellable, wg_import_dialog_checked_cb, self);
}

/* ---------------------------------------------------------- import */

static void
wg_import_dialog_imported_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  WgImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) report = NULL;
  g_autofree char *title = NULL;
  gint64 imported;

  report = wg_api_client_import_csv_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, WG_ERROR, WG_ERROR_IMPORT_REJECTED))
    {
      wg_import_dialog_show_result (self, "dialog-warning-symbolic", _("Nothing Was Imported"),
                                    _("Some rows were refused this time (the records changed "
                                      "since the check). Check the file again to see which."),
                                    _("Check _Again"), "import.check");
      return;
    }
  if (report == NULL)
    {
      g_autofree char *message = wg_error_get_user_message (error);

      wg_import_dialog_show_result (self, "dialog-warning-symbolic", _("Nothing Was Imported"),
                                    message, _("Check _Again"), "import.check");
      return;
    }
  imported = json_object_get_int_member_with_default (report, "imported", 0);
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d Record Imported",
                                        "%d Records Imported", imported), (int) imported);
  wg_import_dialog_show_result (self, "emblem-ok-symbolic", title,
                                _("The records are in the lists now."), _("_Close"),
                                "window.close");
  g_signal_emit (self, signals[IMPORTED], 0, (guint) imported);
}

static void
wg_import_dialog_action_run (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  WgImportDialog *self = WG_IMPORT_DIALOG (widget);
  gint64 rows = json_object_get_int_member_with_default (self->report, "rows", 0);
  g_autofree char *busy = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %d row…",
                                                        "Importing %d rows…", rows), (int) rows);

  gtk_label_set_text (self->busy_label, busy);
  wg_import_dialog_set_state (self, STATE_IMPORTING);
  wg_api_client_import_csv_async (self->client, self->kind_name, self->csv, FALSE,
                                  self->cancellable, wg_import_dialog_imported_cb, self);
}

static void
wg_import_dialog_action_check (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  wg_import_dialog_start_check (WG_IMPORT_DIALOG (widget));
}

/* ---------------------------------------------------------- the file */

static void
wg_import_dialog_loaded_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  WgImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);
  g_autofree char *name = g_file_get_basename (G_FILE (source));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bytes == NULL)
    {
      wg_import_dialog_show_result (self, "dialog-warning-symbolic",
                                    _("The File Cannot Be Opened"), error->message,
                                    _("Choose _Another File…"), "import.choose");
      return;
    }
  wg_import_dialog_check (self, name, bytes);
}

static void
wg_import_dialog_open_file (WgImportDialog *self,
                            GFile          *file)
{
  gtk_label_set_text (self->busy_label, _("Reading the file…"));
  wg_import_dialog_set_state (self, STATE_CHECKING);
  g_file_load_bytes_async (file, self->cancellable, wg_import_dialog_loaded_cb, self);
}

static void
wg_import_dialog_chooser_response_cb (WgImportDialog       *self,
                                      int                   response,
                                      GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    wg_import_dialog_open_file (self, file);
}

/* A file dropped on the dialog, as if chosen (not while it works). */
static gboolean
wg_import_dialog_drop_cb (WgImportDialog *self,
                          const GValue   *value,
                          double          x,
                          double          y)
{
  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)) ||
      self->state == STATE_CHECKING || self->state == STATE_IMPORTING)
    return FALSE;
  wg_import_dialog_open_file (self, g_value_get_object (value));
  return TRUE;
}

static void
wg_import_dialog_action_choose (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  WgImportDialog *self = WG_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (wg_import_dialog_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---------------------------------------------------------- template */

static void
wg_import_dialog_template_saved_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data)
{
  g_autoptr(WgImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (source));
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    /* Translators: %s is the reason the file system gave */
    message = g_strdup_printf (_("The file could not be saved: %s"), error->message);
  else
    /* Translators: %s is a file name */
    message = g_strdup_printf (_("Saved “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
wg_import_dialog_template_response_cb (WgImportDialog       *self,
                                       int                   response,
                                       GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) template = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  template = wg_import_template (self->kind_name);
  g_file_replace_contents_bytes_async (file, template, NULL, FALSE,
                                       G_FILE_CREATE_REPLACE_DESTINATION, self->cancellable,
                                       wg_import_dialog_template_saved_cb, g_object_ref (self));
}

static void
wg_import_dialog_action_template (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  WgImportDialog *self = WG_IMPORT_DIALOG (widget);
  g_autofree char *name = wg_import_template_name (self->kind_name);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save an Empty Template"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (wg_import_dialog_template_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---------------------------------------------------------- GObject */

static gboolean
wg_import_dialog_close_request (GtkWindow *window)
{
  WgImportDialog *self = WG_IMPORT_DIALOG (window);
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (wg_import_dialog_parent_class);

  if (self->state == STATE_IMPORTING)
    return TRUE;
  return parent_class->close_request != NULL && parent_class->close_request (window);
}

static void
wg_import_dialog_dispose (GObject *object)
{
  WgImportDialog *self = WG_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->csv, g_bytes_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->report, json_object_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (wg_import_dialog_parent_class)->dispose (object);
}

static void
wg_import_dialog_finalize (GObject *object)
{
  WgImportDialog *self = WG_IMPORT_DIALOG (object);

  g_free (self->kind_name);
  g_free (self->kind_label);
  g_free (self->file_name);

  G_OBJECT_CLASS (wg_import_dialog_parent_class)->finalize (object);
}

static void
wg_import_dialog_class_init (WgImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_import_dialog_dispose;
  object_class->finalize = wg_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = wg_import_dialog_close_request;

  /**
   * WgImportDialog::imported:
   * @count: how many records were written
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (WG_TYPE_IMPORT_PROBLEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/wangge/Wangge/wg-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, problem_store);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, WgImportDialog, result_button);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL,
                                   wg_import_dialog_action_choose);
  gtk_widget_class_install_action (widget_class, "import.template", NULL,
                                   wg_import_dialog_action_template);
  gtk_widget_class_install_action (widget_class, "import.check", NULL,
                                   wg_import_dialog_action_check);
  gtk_widget_class_install_action (widget_class, "import.run", NULL,
                                   wg_import_dialog_action_run);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wg_import_dialog_init (WgImportDialog *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (target, "drop", G_CALLBACK (wg_import_dialog_drop_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  wg_import_dialog_set_state (self, STATE_CHOOSE);
}

GtkWidget *
wg_import_dialog_new (GtkWindow   *parent,
                      WgApiClient *client,
                      const char  *kind_name,
                      const char  *kind_label)
{
  WgImportDialog *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (WG_IS_API_CLIENT (client), NULL);
  g_return_val_if_fail (kind_name != NULL, NULL);
  g_return_val_if_fail (kind_label != NULL, NULL);

  self = g_object_new (WG_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->kind_name = g_strdup (kind_name);
  self->kind_label = g_strdup (kind_label);
  /* Translators: %s is the label of the records ("Houses") */
  title = g_strdup_printf (_("Import %s"), kind_label);
  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  return GTK_WIDGET (self);
}

void
wg_import_dialog_check (WgImportDialog *self,
                        const char     *file_name,
                        GBytes         *csv)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data;

  g_return_if_fail (WG_IS_IMPORT_DIALOG (self));
  g_return_if_fail (csv != NULL);

  g_free (self->file_name);
  self->file_name = g_strdup (file_name);
  adw_window_title_set_subtitle (self->window_title, file_name);
  g_clear_pointer (&self->csv, g_bytes_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->report, json_object_unref);
  data = g_bytes_get_data (csv, &length);
  if (length > MAX_FILE_BYTES)
    {
      wg_import_dialog_show_result (self, "dialog-warning-symbolic",
                                    _("The File Is Too Large"),
                                    _("A file holds at most 8 MB and 20,000 rows. Split it and "
                                      "import the parts one after the other."),
                                    _("Choose _Another File…"), "import.choose");
      return;
    }
  /* Read here too: the table shows the refused cells' text. */
  self->rows = wg_csv_read (data != NULL ? data : "", length, &error);
  if (self->rows == NULL)
    {
      wg_import_dialog_show_file_error (self, error);
      return;
    }
  self->csv = g_bytes_ref (csv);
  wg_import_dialog_start_check (self);
}

const char *
wg_import_dialog_get_page (WgImportDialog *self)
{
  g_return_val_if_fail (WG_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
wg_import_dialog_get_problems (WgImportDialog *self)
{
  g_return_val_if_fail (WG_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->problem_store);
}
