/* Decisions of the client that need no display: which pages for which
 * roles, which message for which error, what a server address is. */
#define G_LOG_DOMAIN "test-client-logic"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <gio/gio.h>

#include "wg-error.h"
#include "wg-error-messages.h"
#include "wg-pages.h"
#include "wg-preferences-window.h"
#include "wg-screenshot.h"
#include "wg-server-address.h"

static guint
pages_of (const char *role_name,
          WgPage     *pages)
{
  WgRole role;

  g_assert_true (wg_role_from_string (role_name, &role));
  return wg_pages_for_roles (role, pages);
}

static gboolean
has_page (const WgPage *pages,
          guint         n,
          WgPage        page)
{
  for (guint i = 0; i < n; i++)
    if (pages[i] == page)
      return TRUE;
  return FALSE;
}

static void
test_pages_street (void)
{
  WgPage pages[WG_N_PAGES];
  guint n = pages_of ("street", pages);

  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpint (pages[0], ==, WG_PAGE_MAP);
  g_assert_true (has_page (pages, n, WG_PAGE_TASKS));
  g_assert_true (has_page (pages, n, WG_PAGE_DIARY));
  g_assert_true (has_page (pages, n, WG_PAGE_DASHBOARD));
  g_assert_false (has_page (pages, n, WG_PAGE_ADMINISTRATION));
}

static void
test_pages_admin (void)
{
  WgPage pages[WG_N_PAGES];
  guint n = pages_of ("admin", pages);

  g_assert_true (has_page (pages, n, WG_PAGE_MAP));
  g_assert_true (has_page (pages, n, WG_PAGE_ADMINISTRATION));
  /* The administrator manages; he does not handle cases. */
  g_assert_false (has_page (pages, n, WG_PAGE_TASKS));
  g_assert_false (has_page (pages, n, WG_PAGE_DIARY));
}

static void
test_pages_auditor_and_department (void)
{
  WgPage pages[WG_N_PAGES];
  guint n = pages_of ("auditor", pages);

  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (pages[0], ==, WG_PAGE_MAP);
  g_assert_cmpint (pages[1], ==, WG_PAGE_ADMINISTRATION);

  n = pages_of ("department", pages);
  g_assert_true (has_page (pages, n, WG_PAGE_TASKS));
  g_assert_false (has_page (pages, n, WG_PAGE_RECORDS));
  g_assert_false (has_page (pages, n, WG_PAGE_ADMINISTRATION));
}

static void
test_pages_order_and_text (void)
{
  WgPage pages[WG_N_PAGES];
  guint n = wg_pages_for_roles (WG_ROLE_ADMIN | WG_ROLE_LEADER | WG_ROLE_GRID, pages);

  g_assert_cmpuint (n, ==, WG_N_PAGES);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (pages[i], ==, i);
      g_assert_nonnull (wg_page_get_title (pages[i]));
      g_assert_nonnull (wg_page_get_icon_name (pages[i]));
      g_assert_cmpuint (strlen (wg_page_get_description (pages[i])), >, 20);
    }
  g_assert_cmpuint (wg_pages_for_roles (0, pages), ==, 0);
}

static char *
message_for_code (WgErrorCode code)
{
  g_autoptr(GError) error = g_error_new_literal (WG_ERROR, code, "server text");

  return wg_error_get_user_message (error);
}

static void
test_error_messages_distinct (void)
{
  static const WgErrorCode codes[] = {
    WG_ERROR_INVALID_CREDENTIALS, WG_ERROR_UNREACHABLE, WG_ERROR_SESSION_EXPIRED,
    WG_ERROR_ACCOUNT_DISABLED, WG_ERROR_TOO_MANY_REQUESTS, WG_ERROR_UNAVAILABLE,
    WG_ERROR_SCHEMA_MISMATCH, WG_ERROR_FORBIDDEN, WG_ERROR_CONFLICT,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      char *message = message_for_code (codes[i]);

      g_assert_nonnull (message);
      /* The server's English text never reaches the user. */
      g_assert_null (strstr (message, "server text"));
      g_assert_false (g_hash_table_contains (seen, message));
      g_hash_table_add (seen, message);
    }
}

static void
test_error_messages_fields (void)
{
  g_autoptr(GError) username = NULL;
  g_autoptr(GError) id_number = NULL;
  g_autofree char *username_message = NULL;
  g_autofree char *id_message = NULL;

  wg_set_field_error (&username, "username", "Too long");
  wg_set_field_error (&id_number, "id_number", "Bad checksum");
  username_message = wg_error_get_user_message (username);
  id_message = wg_error_get_user_message (id_number);

  g_assert_cmpstr (username_message, !=, id_message);
  g_assert_nonnull (strstr (id_message, "id_number"));
  g_assert_nonnull (wg_error_get_field_label ("password"));
  g_assert_null (wg_error_get_field_label ("no-such-field"));
}

static void
test_error_messages_cancelled_and_foreign (void)
{
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
  g_autoptr(GError) foreign = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "disk on fire");
  g_autofree char *message = NULL;

  g_assert_null (wg_error_get_user_message (cancelled));
  message = wg_error_get_user_message (foreign);
  g_assert_nonnull (strstr (message, "disk on fire"));
}

static void
test_error_ends_session (void)
{
  g_autoptr(GError) expired = g_error_new_literal (WG_ERROR, WG_ERROR_SESSION_EXPIRED, "x");
  g_autoptr(GError) wrong = g_error_new_literal (WG_ERROR, WG_ERROR_INVALID_CREDENTIALS, "x");

  g_assert_true (wg_error_ends_session (expired));
  g_assert_false (wg_error_ends_session (wrong));
}

static void
assert_address (const char *text,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = wg_server_address_normalize (text, &error);

  if (expected == NULL)
    {
      g_assert_null (address);
      g_assert_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT);
      g_assert_cmpstr (wg_error_get_field (error), ==, "server");
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpstr (address, ==, expected);
}

static void
test_server_address (void)
{
  assert_address ("http://127.0.0.1:8470", "http://127.0.0.1:8470");
  assert_address ("  10.1.2.3:8470/ ", "http://10.1.2.3:8470");
  assert_address ("https://wangge.example/", "https://wangge.example");
  assert_address ("", NULL);
  assert_address ("   ", NULL);
  assert_address ("ftp://host", NULL);
  assert_address ("http://", NULL);
}

static void
test_tile_url (void)
{
  g_assert_true (wg_tile_url_is_valid (""));
  g_assert_true (wg_tile_url_is_valid ("http://gis.local/{z}/{x}/{y}.png"));
  g_assert_false (wg_tile_url_is_valid ("http://gis.local/{z}/{x}.png"));
  g_assert_false (wg_tile_url_is_valid ("file:///tiles/{z}/{x}/{y}.png"));
}

static void
test_window_size (void)
{
  int width = 0, height = 0;

  g_assert_true (wg_screenshot_parse_size ("1280x800", &width, &height));
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 800);
  g_assert_true (wg_screenshot_parse_size ("560X800", &width, &height));
  g_assert_cmpint (width, ==, 560);
  g_assert_false (wg_screenshot_parse_size ("1280", &width, &height));
  g_assert_false (wg_screenshot_parse_size ("1280x", &width, &height));
  g_assert_false (wg_screenshot_parse_size ("x800", &width, &height));
  g_assert_false (wg_screenshot_parse_size ("10x10", &width, &height));
  g_assert_false (wg_screenshot_parse_size ("1280x800px", &width, &height));
  g_assert_false (wg_screenshot_parse_size ("-1280x800", &width, &height));
}

int
main (int   argc,
      char *argv[])
{
  /* Checks the English texts: independent of the caller's language. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/pages/street", test_pages_street);
  g_test_add_func ("/client/pages/admin", test_pages_admin);
  g_test_add_func ("/client/pages/auditor-and-department", test_pages_auditor_and_department);
  g_test_add_func ("/client/pages/order-and-text", test_pages_order_and_text);
  g_test_add_func ("/client/error-messages/distinct", test_error_messages_distinct);
  g_test_add_func ("/client/error-messages/fields", test_error_messages_fields);
  g_test_add_func ("/client/error-messages/cancelled-and-foreign",
                   test_error_messages_cancelled_and_foreign);
  g_test_add_func ("/client/error-messages/ends-session", test_error_ends_session);
  g_test_add_func ("/client/server-address", test_server_address);
  g_test_add_func ("/client/tile-url", test_tile_url);
  g_test_add_func ("/client/window-size", test_window_size);

  return g_test_run ();
}
