/* test-import-display.c — the import dialog against the real server
 *
 * A community worker checks a file of organizations with refused rows:
 * the report's table names each row, field and problem (in Chinese under
 * LANGUAGE=zh_CN) and the import stays off; a clean file then imports.
 * Screenshots at 1280x800 and 560x800 in <build>/tests/display/screenshots.
 * Skipped without a display or the environment of tools/test.
 */
#define G_LOG_DOMAIN "test-import-display"

#include "config.h"

#include <string.h>

#include "wg-api-client-csv.h"
#include "wg-display-test-util.h"
#include "wg-import-dialog.h"
#include "wg-import-problem.h"
#include "wg-import-rules.h"
#include "wg-login-view.h"
#include "wg-test-harness.h"

/* The community account's first grid, and one of another community. */
#define MY_GRID "110101001001001"

static WgTestServer *server;
static gboolean have_display;

static const char bad_file[] =
  "\xEF\xBB\xBFname,kind,contact_phone,address,grid\r\n"
  "龘东四便民超市,enterprise,010-6512 3456,东四北大街 12 号," MY_GRID "\r\n"
  "龘钟鼓社区书店,bookshop,,钟楼湾胡同 3 号," MY_GRID "\r\n"
  "龘北新桥修车铺,individual_business,12345,北新桥三条 8 号," MY_GRID "\r\n"
  "龘南锣文创工作室,enterprise,,\"南锣鼓巷 66 号, 二层\"\r\n"
  ",other,,交道口南大街 1 号," MY_GRID "\r\n"
  "龘外社区公司,other,,,110101002001001\r\n";

static const char clean_file[] =
  "name,kind,contact_phone,grid\n"
  "龘东四便民超市,enterprise,010-65123456," MY_GRID "\n"
  "龘北新桥修车铺,individual_business,13800138000," MY_GRID "\n";

static gboolean
page_is (gpointer data)
{
  WgImportDialog *dialog = data;
  const char *wanted = g_object_get_data (G_OBJECT (dialog), "wanted-page");

  return g_strcmp0 (wg_import_dialog_get_page (dialog), wanted) == 0;
}

static gboolean
wait_for_page (WgImportDialog *dialog,
               const char     *page)
{
  g_object_set_data (G_OBJECT (dialog), "wanted-page", (gpointer) page);
  return wg_display_test_spin_until (page_is, dialog, 60, page);
}

static void
check (WgImportDialog *dialog,
       const char     *name,
       const char     *text)
{
  g_autoptr(GBytes) csv = g_bytes_new_static (text, strlen (text));

  wg_import_dialog_check (dialog, name, csv);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GBytes **csv = user_data;
  g_autoptr(GError) error = NULL;

  *csv = wg_api_client_export_csv_finish (WG_API_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

/* The export of what was imported: the file as a spreadsheet reads it. */
static void
check_export (WgApiClient *client)
{
  g_autoptr(GHashTable) filters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *text = NULL;

  g_hash_table_insert (filters, "kind", "individual_business");
  g_hash_table_insert (filters, "q", "龘北新桥");
  wg_api_client_export_csv_async (client, "organizations", filters, NULL, exported_cb, &csv);
  if (!wg_display_test_spin_until (is_set, &csv, 60, "the export"))
    return;
  text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBFid,name,kind,"));
  g_assert_nonnull (strstr (text, "龘北新桥修车铺,individual_business,"));
  g_assert_null (strstr (text, "龘东四便民超市"));
}

static WgImportProblem *
problem_at (WgImportDialog *dialog,
            guint           position)
{
  g_autoptr(WgImportProblem) problem = g_list_model_get_item (wg_import_dialog_get_problems (dialog),
                                                              position);

  /* The store keeps it alive. */
  return problem;
}

static void
check_report (WgImportDialog *dialog)
{
  GListModel *problems = wg_import_dialog_get_problems (dialog);
  static const guint rows[] = { 2, 3, 4, 5, 6 };

  g_assert_cmpuint (g_list_model_get_n_items (problems), ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpuint (wg_import_problem_get_row (problem_at (dialog, i)), ==, rows[i]);
  /* Refused rows: the import stays off. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  g_assert_cmpstr (wg_import_dialog_get_page (dialog), ==, "report");
  /* The field by its label; the refused text quoted in the message. */
  g_assert_cmpstr (wg_import_problem_get_field (problem_at (dialog, 0)), ==,
                   wg_import_field_label ("organizations", "kind"));
  g_assert_nonnull (strstr (wg_import_problem_get_message (problem_at (dialog, 0)), "bookshop"));
  g_assert_null (wg_import_problem_get_field (problem_at (dialog, 2)));
  if (wg_display_test_chinese_expected ())
    {
      /* Translated: no Latin letter in the labels. */
      g_assert_false (g_ascii_isalpha (wg_import_problem_get_field (problem_at (dialog, 0))[0]));
      g_assert_false (g_ascii_isalpha (wg_import_problem_get_field (problem_at (dialog, 3))[0]));
    }
}

static void
test_import_report (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  WgWindow *window;
  WgImportDialog *dialog;

  if (!have_display || !wg_test_harness_available ())
    {
      g_test_skip ("needs a display and the environment of tools/test");
      return;
    }
  server = wg_test_server_start ("wangge_import_display", &error);
  g_assert_no_error (error);
  if (server == NULL)
    return;
  window = wg_display_test_new_window (1280, 800);
  wg_login_view_sign_in (wg_window_get_login_view (window), wg_test_server_get_url (server),
                         "community", "wangge2026");
  if (!wg_display_test_spin_until (wg_display_test_signed_in, window, 60, "the sign-in"))
    return;

  dialog = WG_IMPORT_DIALOG (wg_import_dialog_new (GTK_WINDOW (window),
                                                   wg_window_get_client (window),
                                                   "organizations", "单位"));
  g_object_ref_sink (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1280, 800);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (wg_import_dialog_get_page (dialog), ==, "choose");
  shot = wg_display_test_save_screenshot (dialog, "import-choose-1280x800.png", 300);

  check (dialog, "东四单位.csv", bad_file);
  if (wait_for_page (dialog, "report"))
    check_report (dialog);
  g_clear_pointer (&shot, g_free);
  shot = wg_display_test_save_screenshot (dialog, "import-report-1280x800.png", 300);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, 800);
  g_clear_pointer (&shot, g_free);
  shot = wg_display_test_save_screenshot (dialog, "import-report-560x800.png", 500);

  check (dialog, "东四单位-改.csv", clean_file);
  /* Every row passed: the result page offers the import. */
  if (wait_for_page (dialog, "result"))
    {
      g_assert_cmpuint (g_list_model_get_n_items (wg_import_dialog_get_problems (dialog)), ==, 0);
      g_clear_pointer (&shot, g_free);
      shot = wg_display_test_save_screenshot (dialog, "import-clean-560x800.png", 300);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
      /* Under way, the dialog stays to tell how it ended. */
      gtk_window_close (GTK_WINDOW (dialog));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
    }
  if (wait_for_page (dialog, "busy") && wait_for_page (dialog, "result"))
    {
      g_clear_pointer (&shot, g_free);
      shot = wg_display_test_save_screenshot (dialog, "import-done-560x800.png", 300);
      check_export (wg_window_get_client (window));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  wg_display_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  have_display = wg_display_test_init (&argc, &argv, "wangge-import-XXXXXX");
  g_test_add_func ("/import-display/report", test_import_report);
  status = g_test_run ();
  g_clear_pointer (&server, wg_test_server_stop);
  return status;
}
