/* The people records without a display: labels, permissions, what the
 * form allows, validation messages, the bodies sent, server errors put on
 * their field; the API calls and the paging model against an in-process
 * fake of the people API (wg-fake-people-server.c). */
#define G_LOG_DOMAIN "test-records-logic"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "wg-api-client-people.h"
#include "wg-error.h"
#include "wg-fake-people-server.h"
#include "wg-people-model.h"
#include "wg-person-rules.h"
#include "wg-roles.h"
#include "wg-validate.h"

/* 11010119800102001 + check: born 1980-01-02, male (17th digit 1) */
static char valid_id[19];

static GDate *
fixed_today (void)
{
  return g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
}

static WgPersonDraft
good_draft (void)
{
  WgPersonDraft draft = {
    .name = "张小明", .sex = "male", .birth_date = "1980-01-02", .ethnicity = "汉族",
    .phone = "13812345678", .id_number = valid_id, .residence_status = "registered",
    .origin_code = "110101", .nationality = "", .grid = "110101001001001",
  };
  return draft;
}

static GHashTable *
new_messages (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Rules */

static void
test_labels (void)
{
  g_assert_cmpstr (wg_person_sex_label ("male"), ==, "Male");
  g_assert_cmpstr (wg_person_status_label ("floating"), ==, "Floating population");
  g_assert_cmpstr (wg_person_relation_label ("head"), ==, "Head of household");
  g_assert_cmpstr (wg_person_tag_label ("elderly_alone"), ==, "Elderly living alone");
  /* unknown wire values are shown as they came */
  g_assert_cmpstr (wg_person_status_label ("martian"), ==, "martian");
  g_assert_null (wg_person_sex_label (NULL));
}

static void
test_permissions (void)
{
  g_assert_true (wg_person_may (WG_ROLE_DISPATCHER, WG_PERSON_PERMISSION_READ));
  g_assert_false (wg_person_may (WG_ROLE_DISPATCHER, WG_PERSON_PERMISSION_WRITE));
  g_assert_true (wg_person_may (WG_ROLE_GRID, WG_PERSON_PERMISSION_WRITE));
  g_assert_false (wg_person_may (WG_ROLE_GRID, WG_PERSON_PERMISSION_REVEAL_ID_NUMBER));
  g_assert_true (wg_person_may (WG_ROLE_COMMUNITY, WG_PERSON_PERMISSION_REVEAL_ID_NUMBER));
  g_assert_false (wg_person_may (WG_ROLE_LEADER, WG_PERSON_PERMISSION_READ));
  g_assert_false (wg_person_may (WG_ROLE_AUDITOR | WG_ROLE_DEPARTMENT, WG_PERSON_PERMISSION_READ));
}

static void
test_form_actions_street (void)
{
  WgPersonFormState state = { .role_mask = WG_ROLE_STREET, .has_person = TRUE, .has_id_number = TRUE };
  WgPersonActions actions = wg_person_form_actions (&state);

  g_assert_true (actions & WG_PERSON_ACTION_EDIT);
  g_assert_true (actions & WG_PERSON_ACTION_DELETE);
  g_assert_true (actions & WG_PERSON_ACTION_REVEAL);
  g_assert_true (actions & WG_PERSON_ACTION_NEW);
  /* nothing changed yet */
  g_assert_false (actions & WG_PERSON_ACTION_SAVE);

  state.changed = TRUE;
  g_assert_true (wg_person_form_actions (&state) & WG_PERSON_ACTION_SAVE);
  /* while a request is on its way nothing can be sent again */
  state.busy = TRUE;
  actions = wg_person_form_actions (&state);
  g_assert_false (actions & (WG_PERSON_ACTION_SAVE | WG_PERSON_ACTION_DELETE | WG_PERSON_ACTION_REVEAL));
}

static void
test_form_actions_read_only (void)
{
  WgPersonFormState state = { .role_mask = WG_ROLE_DISPATCHER, .has_person = TRUE,
                              .has_id_number = TRUE, .changed = TRUE };
  WgPersonActions actions = wg_person_form_actions (&state);

  g_assert_false (actions & (WG_PERSON_ACTION_EDIT | WG_PERSON_ACTION_SAVE |
                             WG_PERSON_ACTION_DELETE | WG_PERSON_ACTION_NEW |
                             WG_PERSON_ACTION_REVEAL));
  g_assert_true (actions & WG_PERSON_ACTION_RELOAD);
}

static void
test_form_actions_new_and_grid (void)
{
  WgPersonFormState state = { .role_mask = WG_ROLE_GRID, .editing_new = TRUE, .changed = TRUE };
  WgPersonActions actions = wg_person_form_actions (&state);

  g_assert_true (actions & WG_PERSON_ACTION_SAVE);
  /* a person not yet saved cannot be deleted or revealed */
  g_assert_false (actions & (WG_PERSON_ACTION_DELETE | WG_PERSON_ACTION_REVEAL));

  /* grid staff keep records but may not reveal ID numbers */
  state = (WgPersonFormState) { .role_mask = WG_ROLE_GRID, .has_person = TRUE, .has_id_number = TRUE };
  g_assert_false (wg_person_form_actions (&state) & WG_PERSON_ACTION_REVEAL);
  /* nothing to reveal without a number */
  state = (WgPersonFormState) { .role_mask = WG_ROLE_ADMIN, .has_person = TRUE };
  g_assert_false (wg_person_form_actions (&state) & WG_PERSON_ACTION_REVEAL);
}

static void
test_validate_good (void)
{
  g_autoptr(GHashTable) messages = new_messages ();
  g_autoptr(GDate) today = fixed_today ();
  WgPersonDraft draft = good_draft ();

  g_assert_true (wg_person_draft_validate (&draft, TRUE, today, messages));
  g_assert_cmpuint (g_hash_table_size (messages), ==, 0);
}

static void
test_validate_each_field (void)
{
  g_autoptr(GHashTable) messages = new_messages ();
  g_autoptr(GDate) today = fixed_today ();
  WgPersonDraft draft = good_draft ();

  draft.name = "";
  draft.sex = "unknown";
  draft.birth_date = "1980/01/02";
  draft.phone = "12345";
  draft.origin_code = "11010";
  draft.grid = "";
  draft.residence_status = "tourist";
  g_assert_false (wg_person_draft_validate (&draft, TRUE, today, messages));
  g_assert_cmpstr (g_hash_table_lookup (messages, "name"), ==, "Enter the name.");
  g_assert_cmpstr (g_hash_table_lookup (messages, "sex"), ==, "Choose the sex.");
  g_assert_cmpstr (g_hash_table_lookup (messages, "birth_date"), ==,
                   "Write the date as YYYY-MM-DD, for example 1980-01-02.");
  g_assert_nonnull (g_hash_table_lookup (messages, "phone"));
  g_assert_nonnull (g_hash_table_lookup (messages, "origin_code"));
  g_assert_nonnull (g_hash_table_lookup (messages, "grid"));
  g_assert_nonnull (g_hash_table_lookup (messages, "residence_status"));
  /* the ID number itself is fine; no birth date to compare it with */
  g_assert_null (g_hash_table_lookup (messages, "id_number"));
}

static void
test_validate_id_number (void)
{
  g_autoptr(GDate) today = fixed_today ();
  WgPersonDraft draft = good_draft ();
  char wrong_check[19];

  {
    g_autoptr(GHashTable) messages = new_messages ();

    memcpy (wrong_check, valid_id, sizeof wrong_check);
    wrong_check[17] = wrong_check[17] == '0' ? '1' : '0';
    draft.id_number = wrong_check;
    g_assert_false (wg_person_draft_validate (&draft, FALSE, today, messages));
    g_assert_cmpstr (g_hash_table_lookup (messages, "id_number"), ==,
                     "This is not a valid ID number: check its 18 characters and the last one.");
  }
  {
    g_autoptr(GHashTable) messages = new_messages ();

    draft = good_draft ();
    draft.birth_date = "1980-01-03";
    g_assert_false (wg_person_draft_validate (&draft, FALSE, today, messages));
    g_assert_cmpstr (g_hash_table_lookup (messages, "id_number"), ==,
                     "The birth date in the ID number differs from the birth date.");
  }
  {
    g_autoptr(GHashTable) messages = new_messages ();

    draft = good_draft ();
    draft.sex = "female";
    g_assert_false (wg_person_draft_validate (&draft, FALSE, today, messages));
    g_assert_cmpstr (g_hash_table_lookup (messages, "id_number"), ==,
                     "The sex digit of the ID number does not match the sex.");
  }
}

static void
test_validate_required_id_number (void)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autoptr(GHashTable) messages = new_messages ();
  g_autoptr(GHashTable) foreign_messages = new_messages ();
  g_autoptr(GHashTable) edit_messages = new_messages ();
  WgPersonDraft draft = good_draft ();

  draft.id_number = "";
  g_assert_false (wg_person_draft_validate (&draft, TRUE, today, messages));
  g_assert_nonnull (g_hash_table_lookup (messages, "id_number"));
  /* an edit that leaves the field empty keeps the number on record */
  g_assert_true (wg_person_draft_validate (&draft, FALSE, today, edit_messages));
  /* foreign residents may have none */
  draft.residence_status = "foreign";
  g_assert_true (wg_person_draft_validate (&draft, TRUE, today, foreign_messages));
}

static void
test_validate_future_birth (void)
{
  g_autoptr(GDate) today = fixed_today ();
  g_autoptr(GHashTable) messages = new_messages ();
  WgPersonDraft draft = good_draft ();

  draft.birth_date = "2027-01-01";
  draft.id_number = "";
  draft.residence_status = "foreign";
  g_assert_false (wg_person_draft_validate (&draft, TRUE, today, messages));
  g_assert_cmpstr (g_hash_table_lookup (messages, "birth_date"), ==,
                   "The birth date cannot be in the future.");
}

static WgPerson *
person_from (const char *json)
{
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  WgPerson *person = wg_person_new_from_json (json_node_get_object (root), &error);

  g_assert_no_error (error);
  return person;
}

static const char person_json[] =
  "{\"id\":12,\"name\":\"张小明\",\"sex\":\"male\",\"birth_date\":\"1980-01-02\","
  "\"ethnicity\":\"汉族\",\"phone\":\"13812345678\",\"id_number\":\"110101********0011\","
  "\"residence_status\":\"registered\",\"origin_code\":\"110101\",\"nationality\":null,"
  "\"grid\":{\"code\":\"110101001001001\",\"name\":\"多福巷社区第1网格\"},"
  "\"tags\":[{\"tag\":\"elderly_alone\",\"from\":\"2020-01-01\",\"to\":null},"
  "{\"tag\":\"low_income\",\"from\":\"2019-01-01\",\"to\":\"2020-01-01\"}],"
  "\"household_id\":5,\"version\":3}";

static void
test_person_json (void)
{
  g_autoptr(WgPerson) person = person_from (person_json);
  const char * const *tags = wg_person_get_tags (person);
  g_autofree char *status = NULL;

  g_assert_cmpint (wg_person_get_id (person), ==, 12);
  g_assert_cmpint (wg_person_get_version (person), ==, 3);
  g_assert_cmpint (wg_person_get_household_id (person), ==, 5);
  g_assert_cmpstr (wg_person_get_grid_name (person), ==, "多福巷社区第1网格");
  g_assert_null (wg_person_get_nationality (person));
  /* only the tags in force */
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 1);
  g_assert_cmpstr (tags[0], ==, "elderly_alone");
  g_object_get (person, "status-label", &status, NULL);
  g_assert_cmpstr (status, ==, "Registered resident");
}

static void
test_person_json_bad (void)
{
  g_autoptr(JsonNode) root = json_from_string ("{\"id\":1,\"name\":5}", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) person = wg_person_new_from_json (json_node_get_object (root), &error);

  g_assert_null (person);
  g_assert_error (error, WG_ERROR, WG_ERROR_PROTOCOL);
}

static void
test_body_create (void)
{
  WgPersonDraft draft = good_draft ();
  g_autoptr(JsonNode) body = wg_person_draft_to_json (&draft, NULL);
  JsonObject *object = json_node_get_object (body);

  g_assert_cmpstr (json_object_get_string_member (object, "grid"), ==, "110101001001001");
  g_assert_cmpstr (json_object_get_string_member (object, "id_number"), ==, valid_id);
  /* empty optional fields are left out of a creation */
  g_assert_false (json_object_has_member (object, "nationality"));
}

static void
test_body_update (void)
{
  g_autoptr(WgPerson) person = person_from (person_json);
  WgPersonDraft draft = good_draft ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) nothing = NULL;
  JsonObject *object;

  draft.id_number = "";
  nothing = wg_person_draft_to_json (&draft, person);
  g_assert_null (nothing);

  draft.phone = "";
  draft.name = "张晓明";
  body = wg_person_draft_to_json (&draft, person);
  object = json_node_get_object (body);
  g_assert_cmpuint (json_object_get_size (object), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "张晓明");
  /* a cleared optional field is sent as null */
  g_assert_true (json_object_get_null_member (object, "phone"));
}

static void
test_error_field (void)
{
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GError) duplicate = NULL;
  g_autoptr(GError) stale = g_error_new_literal (WG_ERROR, WG_ERROR_CONFLICT, "stale");
  g_autoptr(GError) other_field = NULL;
  g_autofree char *invalid_message = NULL;
  g_autofree char *duplicate_message = NULL;
  g_autofree char *stale_message = NULL;

  wg_set_field_error (&invalid, "grid", "no such grid");
  g_assert_cmpstr (wg_person_error_field (invalid), ==, "grid");
  invalid_message = wg_person_error_message (invalid);
  g_assert_cmpstr (invalid_message, ==, "This grid does not exist or is outside your territory.");

  wg_set_field_error (&duplicate, "id_number", "duplicate");
  duplicate->code = WG_ERROR_CONFLICT;
  g_assert_cmpstr (wg_person_error_field (duplicate), ==, "id_number");
  duplicate_message = wg_person_error_message (duplicate);
  g_assert_cmpstr (duplicate_message, ==, "Another person in the records already has this ID number.");

  /* a stale version belongs to the page, which offers to reload */
  g_assert_null (wg_person_error_field (stale));
  stale_message = wg_person_error_message (stale);
  g_assert_true (strstr (stale_message, "Reload") != NULL);

  /* a field the form does not have goes to the page too */
  wg_set_field_error (&other_field, "limit", "too big");
  g_assert_null (wg_person_error_field (other_field));
}

static void
test_reveal_reason (void)
{
  g_assert_false (wg_person_reveal_reason_ok (NULL));
  g_assert_false (wg_person_reveal_reason_ok ("  核实  "));
  g_assert_true (wg_person_reveal_reason_ok ("入户核实"));
  g_assert_true (wg_person_reveal_reason_ok ("check"));
}

/* Against the fake server */

typedef struct {
  WgFakePeopleServer *fake;
  WgApiClient *client;
  GAsyncResult *result;
} Fixture;

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_set_object (&fixture->result, result);
}

static GAsyncResult *
wait_result (Fixture *fixture)
{
  while (fixture->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return fixture->result;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgUser) user = NULL;

  fixture->fake = wg_fake_people_server_new (GPOINTER_TO_UINT (data));
  fixture->client = wg_api_client_new (fixture->fake->url);
  wg_api_client_login_async (fixture->client, "street", "x", NULL, store_result_cb, fixture);
  user = wg_api_client_login_finish (fixture->client, wait_result (fixture), &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->result);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->result);
  g_clear_pointer (&fixture->fake, wg_fake_people_server_free);
}

static GAsyncResult *
take_result (Fixture *fixture)
{
  wait_result (fixture);
  return fixture->result;
}

static WgPerson *
get_person (Fixture  *fixture,
            gint64    id,
            GError  **error)
{
  g_clear_object (&fixture->result);
  wg_api_client_get_person_async (fixture->client, id, NULL, store_result_cb, fixture);
  return wg_api_client_get_person_finish (fixture->client, take_result (fixture), error);
}

static WgPerson *
update_person (Fixture   *fixture,
               WgPerson  *person,
               JsonNode  *body,
               GError   **error)
{
  g_clear_object (&fixture->result);
  wg_api_client_update_person_async (fixture->client, wg_person_get_id (person),
                                     wg_person_get_version (person), body, NULL,
                                     store_result_cb, fixture);
  return wg_api_client_update_person_finish (fixture->client, take_result (fixture), error);
}

static void
test_people_path (void)
{
  WgPeopleQuery query = { .region = "110101001", .status = "floating", .q = "王 伟",
                          .address = "多福巷" };
  g_autofree char *path = wg_api_client_people_path (&query, "c/1", 100, TRUE);
  g_autofree char *plain = wg_api_client_people_path (NULL, NULL, 0, FALSE);

  g_assert_cmpstr (path, ==, "/api/v1/people?region=110101001&status=floating&q=%E7%8E%8B%20%E4%BC%9F"
                             "&address=%E5%A4%9A%E7%A6%8F%E5%B7%B7&limit=100&cursor=c%2F1&total=true");
  g_assert_cmpstr (plain, ==, "/api/v1/people");
}

static void
test_api_get_update_conflict (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) person = get_person (fixture, 7, &error);
  g_autoptr(WgPerson) updated = NULL;
  g_autoptr(WgPerson) stale = NULL;
  g_autoptr(JsonNode) body = json_from_string ("{\"phone\":\"13900000000\"}", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (wg_person_get_version (person), ==, 1);
  /* masked in every answer */
  g_assert_true (strstr (wg_person_get_id_number (person), "********") != NULL);

  updated = update_person (fixture, person, body, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixture->fake->last_if_match, ==, "1");
  g_assert_cmpint (wg_person_get_version (updated), ==, 2);
  g_assert_cmpstr (wg_person_get_phone (updated), ==, "13900000000");

  /* the old version is stale now */
  stale = update_person (fixture, person, body, &error);
  g_assert_null (stale);
  g_assert_error (error, WG_ERROR, WG_ERROR_CONFLICT);
  g_assert_null (wg_person_error_field (error));
}

static void
test_api_field_error (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) person = get_person (fixture, 2, &error);
  g_autoptr(WgPerson) updated = NULL;
  g_autofree char *body_text = NULL;
  g_autoptr(JsonNode) body = NULL;

  g_assert_no_error (error);
  /* person 1's number on person 2: a duplicate */
  body_text = g_strdup_printf ("{\"id_number\":\"%s\"}", wg_fake_people_server_id_number (fixture->fake, 1));
  body = json_from_string (body_text, NULL);
  updated = update_person (fixture, person, body, &error);
  g_assert_null (updated);
  g_assert_error (error, WG_ERROR, WG_ERROR_CONFLICT);
  g_assert_cmpstr (wg_person_error_field (error), ==, "id_number");
}

static void
test_api_create_idempotent (Fixture       *fixture,
                            gconstpointer  data)
{
  WgPersonDraft draft = good_draft ();
  g_autoptr(JsonNode) body = wg_person_draft_to_json (&draft, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) first = NULL;
  g_autoptr(WgPerson) again = NULL;
  g_autofree char *key = g_uuid_string_random ();

  wg_api_client_create_person_async (fixture->client, body, key, NULL, store_result_cb, fixture);
  first = wg_api_client_create_person_finish (fixture->client, take_result (fixture), &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->result);
  /* a retry of the same submission */
  wg_api_client_create_person_async (fixture->client, body, key, NULL, store_result_cb, fixture);
  again = wg_api_client_create_person_finish (fixture->client, take_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (wg_person_get_id (again), ==, wg_person_get_id (first));
  g_assert_cmpuint (fixture->fake->n_creates, ==, 1);
  g_assert_cmpstr (wg_person_get_name (first), ==, "张小明");
}

static void
test_api_reveal_chain_delete (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) person = get_person (fixture, 4, &error);
  g_autoptr(WgPersonChain) chain = NULL;
  g_autoptr(WgPerson) gone = NULL;
  g_autofree char *number = NULL;

  g_assert_no_error (error);
  g_clear_object (&fixture->result);
  wg_api_client_reveal_id_number_async (fixture->client, 4, "入户核实", NULL, store_result_cb, fixture);
  number = wg_api_client_reveal_id_number_finish (fixture->client, take_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (number, ==, wg_fake_people_server_id_number (fixture->fake, 4));
  g_assert_cmpstr (fixture->fake->last_reason, ==, "入户核实");

  g_clear_object (&fixture->result);
  wg_api_client_get_person_chain_async (fixture->client, 4, NULL, store_result_cb, fixture);
  chain = wg_api_client_get_person_chain_finish (fixture->client, take_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpint (wg_person_get_id (chain->person), ==, 4);
  g_assert_cmpuint (chain->members->len, ==, 3);
  g_assert_cmpstr (g_array_index (chain->members, WgChainMember, 0).relation, ==, "head");
  g_assert_nonnull (chain->house_address);
  g_assert_cmpstr (chain->community_name, ==, "多福巷社区");

  g_clear_object (&fixture->result);
  wg_api_client_delete_person_async (fixture->client, 4, wg_person_get_version (person), NULL,
                                     store_result_cb, fixture);
  g_assert_true (wg_api_client_delete_person_finish (fixture->client, take_result (fixture), &error));
  g_assert_no_error (error);
  gone = get_person (fixture, 4, &error);
  g_assert_null (gone);
  g_assert_error (error, WG_ERROR, WG_ERROR_NOT_FOUND);
}

/* The model */

static void
spin_until_idle (WgPeopleModel *model)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  do
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
  while (wg_people_model_get_loading (model) && g_get_monotonic_time () < deadline);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  guint added;
  guint removed;
  guint signals;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->added += added;
  changes->removed += removed;
  changes->signals++;
}

static void
test_model_pages (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(WgPeopleModel) model = wg_people_model_new (fixture->client);
  WgPeopleQuery query = { 0 };
  Changes changes = { 0 };
  g_autoptr(WgPerson) near_end = NULL;
  g_autoptr(WgPerson) last = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  wg_people_model_set_query (model, &query);
  g_assert_true (wg_people_model_get_loading (model));
  spin_until_idle (model);

  /* one page and the total, not the 1,234 people */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, WG_PEOPLE_MODEL_PAGE_SIZE);
  g_assert_cmpint (wg_people_model_get_total (model), ==, 1234);
  g_assert_cmpuint (fixture->fake->n_list_requests, ==, 1);
  g_assert_true (strstr (fixture->fake->last_list_query, "total=true") != NULL);

  /* a row far from the end asks for nothing */
  g_clear_object (&near_end);
  near_end = g_list_model_get_item (G_LIST_MODEL (model), 10);
  spin_until_idle (model);
  g_assert_cmpuint (fixture->fake->n_list_requests, ==, 1);

  /* a view near the end brings the next page, appended */
  g_clear_object (&near_end);
  near_end = g_list_model_get_item (G_LIST_MODEL (model), WG_PEOPLE_MODEL_PAGE_SIZE - 5);
  spin_until_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2 * WG_PEOPLE_MODEL_PAGE_SIZE);
  g_assert_cmpuint (fixture->fake->n_list_requests, ==, 2);
  g_assert_true (strstr (fixture->fake->last_list_query, "cursor=100") != NULL);
  /* later pages do not count again */
  g_assert_null (strstr (fixture->fake->last_list_query, "total"));
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 2 * WG_PEOPLE_MODEL_PAGE_SIZE);
  g_assert_cmpuint (changes.signals, ==, 2);
  last = g_list_model_get_item (G_LIST_MODEL (model), 2 * WG_PEOPLE_MODEL_PAGE_SIZE - 1);
  g_assert_cmpint (wg_person_get_id (last), ==, 200);
  g_assert_false (wg_people_model_get_complete (model));
}

static void
test_model_to_the_end (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(WgPeopleModel) model = wg_people_model_new (fixture->client);
  WgPeopleQuery query = { .status = "floating" };
  guint requests;

  wg_people_model_set_query (model, &query);
  spin_until_idle (model);
  while (!wg_people_model_get_complete (model))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
      g_autoptr(WgPerson) person = g_list_model_get_item (G_LIST_MODEL (model), n - 1);

      spin_until_idle (model);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, n);
    }
  /* every floating person, page by page, and as many as the total said */
  g_assert_cmpint (wg_people_model_get_total (model), ==,
                   (gint64) g_list_model_get_n_items (G_LIST_MODEL (model)));
  requests = fixture->fake->n_list_requests;
  /* at the end, reading the last row asks for nothing more */
  {
    g_autoptr(WgPerson) person = g_list_model_get_item (G_LIST_MODEL (model),
                                                        g_list_model_get_n_items (G_LIST_MODEL (model)) - 1);
    spin_until_idle (model);
  }
  g_assert_cmpuint (fixture->fake->n_list_requests, ==, requests);
}

static void
test_model_filter_resets (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(WgPeopleModel) model = wg_people_model_new (fixture->client);
  WgPeopleQuery all = { 0 };
  WgPeopleQuery grid = { .region = WG_FAKE_GRID_2, .q = "王" };
  Changes changes = { 0 };

  wg_people_model_set_query (model, &all);
  spin_until_idle (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  wg_people_model_set_query (model, &grid);
  /* emptied at once, total unknown until the first page */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpint (wg_people_model_get_total (model), ==, -1);
  spin_until_idle (model);
  g_assert_cmpuint (changes.removed, ==, WG_PEOPLE_MODEL_PAGE_SIZE);
  g_assert_true (strstr (fixture->fake->last_list_query, "region=" WG_FAKE_GRID_2) != NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(WgPerson) person = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (wg_person_get_grid_code (person), ==, WG_FAKE_GRID_2);
      g_assert_true (g_str_has_prefix (wg_person_get_name (person), "王"));
    }
  g_assert_cmpint (wg_people_model_get_total (model), >, 0);
}

static void
test_model_superseded_query (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(WgPeopleModel) model = wg_people_model_new (fixture->client);
  WgPeopleQuery first = { .q = "李" };
  WgPeopleQuery second = { .q = "张" };

  /* typing on: the answer to the first query must not land */
  wg_people_model_set_query (model, &first);
  wg_people_model_set_query (model, &second);
  spin_until_idle (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(WgPerson) person = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (g_str_has_prefix (wg_person_get_name (person), "张"));
    }
}

static void
test_model_update_and_remove (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(WgPeopleModel) model = wg_people_model_new (fixture->client);
  WgPeopleQuery all = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(WgPerson) person = NULL;
  g_autoptr(WgPerson) row = NULL;
  gint64 total;

  wg_people_model_set_query (model, &all);
  spin_until_idle (model);
  total = wg_people_model_get_total (model);
  person = get_person (fixture, 3, &error);
  g_assert_no_error (error);
  wg_people_model_update_person (model, 3, person);
  row = g_list_model_get_item (G_LIST_MODEL (model), 2);
  g_assert_true (row == person);

  wg_people_model_update_person (model, 3, NULL);
  g_assert_cmpint (wg_people_model_find (model, 3), ==, -1);
  g_assert_cmpint (wg_people_model_get_total (model), ==, total - 1);
}

static void
test_model_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(WgPeopleModel) model = wg_people_model_new (fixture->client);
  WgPeopleQuery all = { 0 };

  wg_api_client_set_base_url (fixture->client, "http://127.0.0.1:9");
  wg_people_model_set_query (model, &all);
  spin_until_idle (model);
  g_assert_error (wg_people_model_get_error (model), WG_ERROR, WG_ERROR_UNREACHABLE);
  g_assert_false (wg_people_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  char first17[] = "11010119800102001";

  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_snprintf (valid_id, sizeof valid_id, "%s%c", first17, wg_id_number_check_char (first17));

  g_test_add_func ("/records/labels", test_labels);
  g_test_add_func ("/records/permissions", test_permissions);
  g_test_add_func ("/records/form/actions-street", test_form_actions_street);
  g_test_add_func ("/records/form/actions-read-only", test_form_actions_read_only);
  g_test_add_func ("/records/form/actions-new-and-grid", test_form_actions_new_and_grid);
  g_test_add_func ("/records/validate/good", test_validate_good);
  g_test_add_func ("/records/validate/each-field", test_validate_each_field);
  g_test_add_func ("/records/validate/id-number", test_validate_id_number);
  g_test_add_func ("/records/validate/required-id-number", test_validate_required_id_number);
  g_test_add_func ("/records/validate/future-birth", test_validate_future_birth);
  g_test_add_func ("/records/person/json", test_person_json);
  g_test_add_func ("/records/person/json-bad", test_person_json_bad);
  g_test_add_func ("/records/body/create", test_body_create);
  g_test_add_func ("/records/body/update", test_body_update);
  g_test_add_func ("/records/error/field", test_error_field);
  g_test_add_func ("/records/reveal/reason", test_reveal_reason);
  g_test_add_func ("/records/api/path", test_people_path);
#define ADD(path, function, n) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, function, fixture_tear_down)
  ADD ("/records/api/get-update-conflict", test_api_get_update_conflict, 20);
  ADD ("/records/api/field-error", test_api_field_error, 20);
  ADD ("/records/api/create-idempotent", test_api_create_idempotent, 20);
  ADD ("/records/api/reveal-chain-delete", test_api_reveal_chain_delete, 20);
  ADD ("/records/model/pages", test_model_pages, 1234);
  ADD ("/records/model/to-the-end", test_model_to_the_end, 1234);
  ADD ("/records/model/filter-resets", test_model_filter_resets, 1234);
  ADD ("/records/model/superseded-query", test_model_superseded_query, 1234);
  ADD ("/records/model/update-and-remove", test_model_update_and_remove, 300);
  ADD ("/records/model/error", test_model_error, 10);
#undef ADD
  return g_test_run ();
}
