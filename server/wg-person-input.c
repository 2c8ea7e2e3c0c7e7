#define G_LOG_DOMAIN "wg-person-input"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-cursor.h"
#include "wg-error.h"
#include "wg-person-input.h"
#include "wg-validate.h"

#define MAX_Q_CHARS 60
#define MAX_TAGS 50
#define MAX_CURSOR_DIGITS 19

typedef struct {
  const char *name;
  guint       max_chars;
  gboolean    required;
  gboolean  (*check) (const char *value, const char *field, GError **error);
} FieldRule;

static const char * const sexes[] = { "male", "female", NULL };
static const char * const statuses[] = { "registered", "floating", "foreign", NULL };
static const char * const known_tags[] = {
  "elderly_alone", "disability", "low_income", "community_correction", "released_prisoner",
  "drug_rehabilitation", "mental_disorder", "left_behind_child", "veteran", "key_youth", NULL
};

const char * const *
wg_person_tags (void)
{
  return known_tags;
}

static gboolean
all_digits (const char *value,
            gsize       length)
{
  if (strlen (value) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_not_blank (const char  *value,
                 const char  *field,
                 GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));

  if (*stripped != '\0')
    return TRUE;
  wg_set_field_error (error, field, "The field “%s” must not be blank", field);
  return FALSE;
}

static gboolean
check_sex (const char  *value,
           const char  *field,
           GError     **error)
{
  if (g_strv_contains (sexes, value))
    return TRUE;
  wg_set_field_error (error, field, "The sex is “male” or “female”");
  return FALSE;
}

static gboolean
check_status (const char  *value,
              const char  *field,
              GError     **error)
{
  if (g_strv_contains (statuses, value))
    return TRUE;
  wg_set_field_error (error, field, "The residence status is registered, floating or foreign");
  return FALSE;
}

/* A real date, not in the future, not before 1850. */
static gboolean
check_past_date (const char  *value,
                 const char  *field,
                 GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;
  GDate today;

  if (!wg_validate_date (value, field, &date, error))
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (&date, &today) > 0 || g_date_get_year (&date) < 1850)
    {
      wg_set_field_error (error, field, "The date %s is in the future or before 1850", value);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_phone (const char  *value,
             const char  *field,
             GError     **error)
{
  return wg_validate_phone (value, field, error);
}

/* The number on its own; against the birth date and sex in _check. */
static gboolean
check_id_number (const char  *value,
                 const char  *field,
                 GError     **error)
{
  return wg_validate_id_number (value, field, NULL, NULL, error);
}

static gboolean
check_origin (const char  *value,
              const char  *field,
              GError     **error)
{
  if (all_digits (value, 6))
    return TRUE;
  wg_set_field_error (error, field, "The origin is a 6-digit address code");
  return FALSE;
}

static gboolean
check_grid (const char  *value,
            const char  *field,
            GError     **error)
{
  if (all_digits (value, 15))
    return TRUE;
  wg_set_field_error (error, field, "The grid is a 15-digit grid code");
  return FALSE;
}

static const FieldRule rules[WG_PERSON_N_FIELDS] = {
  [WG_PERSON_NAME] = { "name", 60, TRUE, check_not_blank },
  [WG_PERSON_SEX] = { "sex", 6, TRUE, check_sex },
  [WG_PERSON_BIRTH_DATE] = { "birth_date", 10, TRUE, check_past_date },
  [WG_PERSON_ETHNICITY] = { "ethnicity", 20, FALSE, check_not_blank },
  [WG_PERSON_PHONE] = { "phone", 20, FALSE, check_phone },
  [WG_PERSON_ID_NUMBER] = { "id_number", 18, FALSE, check_id_number },
  [WG_PERSON_RESIDENCE_STATUS] = { "residence_status", 10, TRUE, check_status },
  [WG_PERSON_ORIGIN_CODE] = { "origin_code", 6, FALSE, check_origin },
  [WG_PERSON_NATIONALITY] = { "nationality", 60, FALSE, check_not_blank },
  [WG_PERSON_GRID] = { "grid", 15, TRUE, check_grid },
};

const char *
wg_person_field_name (WgPersonField field)
{
  g_return_val_if_fail (field < WG_PERSON_N_FIELDS, NULL);

  return rules[field].name;
}

static void
person_tag_free (gpointer data)
{
  WgPersonTag *tag = data;

  g_free (tag->tag);
  g_free (tag->from);
  g_free (tag->to);
  g_free (tag);
}

WgPersonInput *
wg_person_input_new (void)
{
  WgPersonInput *input = g_new0 (WgPersonInput, 1);

  input->tags = g_ptr_array_new_with_free_func (person_tag_free);
  return input;
}

void
wg_person_input_free (WgPersonInput *input)
{
  if (input == NULL)
    return;
  for (guint i = 0; i < WG_PERSON_N_FIELDS; i++)
    g_free (input->values[i]);
  g_ptr_array_unref (input->tags);
  g_free (input);
}

void
wg_person_input_set (WgPersonInput *input,
                     WgPersonField  field,
                     const char    *value)
{
  g_free (input->values[field]);
  input->values[field] = g_strdup (value);
  input->present[field] = TRUE;
}

static WgPersonTag *
person_tag_copy (const WgPersonTag *tag)
{
  WgPersonTag *copy = g_new0 (WgPersonTag, 1);

  copy->tag = g_strdup (tag->tag);
  copy->from = g_strdup (tag->from);
  copy->to = g_strdup (tag->to);
  return copy;
}

static void
copy_tags (WgPersonInput       *to,
           const WgPersonInput *from)
{
  g_ptr_array_set_size (to->tags, 0);
  for (guint i = 0; i < from->tags->len; i++)
    g_ptr_array_add (to->tags, person_tag_copy (g_ptr_array_index (from->tags, i)));
  to->tags_present = from->tags_present;
}

WgPersonInput *
wg_person_input_copy (const WgPersonInput *input)
{
  WgPersonInput *copy = wg_person_input_new ();

  wg_person_input_apply (copy, input);
  return copy;
}

void
wg_person_input_apply (WgPersonInput       *base,
                       const WgPersonInput *patch)
{
  for (guint i = 0; i < WG_PERSON_N_FIELDS; i++)
    if (patch->present[i])
      wg_person_input_set (base, i, patch->values[i]);
  if (patch->tags_present)
    copy_tags (base, patch);
}

/* One field of the body: absent, null (cleared) or a checked string. */
static gboolean
parse_field (WgPersonInput  *input,
             JsonObject     *object,
             WgPersonField   field,
             gboolean        patch,
             GError        **error)
{
  const FieldRule *rule = &rules[field];
  JsonNode *node = json_object_get_member (object, rule->name);
  const char *value;
  g_autofree char *normalised = NULL;

  if ((node == NULL || JSON_NODE_HOLDS_NULL (node)) && rule->required && (!patch || node != NULL))
    {
      wg_set_field_error (error, rule->name, "The field “%s” is required", rule->name);
      return FALSE;
    }
  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    {
      wg_person_input_set (input, field, NULL);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      wg_set_field_error (error, rule->name, "The field “%s” must be a string", rule->name);
      return FALSE;
    }
  value = json_node_get_string (node);
  /* An ID number is kept in one form: upper-case X. */
  if (field == WG_PERSON_ID_NUMBER)
    value = normalised = g_ascii_strup (value, -1);
  if (*value == '\0' || g_utf8_strlen (value, -1) > (glong) rule->max_chars)
    {
      wg_set_field_error (error, rule->name, "The field “%s” must have 1 to %u characters",
                          rule->name, rule->max_chars);
      return FALSE;
    }
  if (!rule->check (value, rule->name, error))
    return FALSE;
  /* A phone is stored as its digits, so that a prefix search finds
   * "010-6512 3456" by "0106512" (migration 004 converted older rows). */
  if (field == WG_PERSON_PHONE &&
      (value = normalised = wg_normalize_phone (value, rule->name, error)) == NULL)
    return FALSE;
  wg_person_input_set (input, field, value);
  return TRUE;
}

static const char *
tag_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static WgPersonTag *
parse_tag (JsonNode  *node,
           GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *to_node = object != NULL ? json_object_get_member (object, "to") : NULL;
  const char *tag = object != NULL ? tag_member (object, "tag") : NULL;
  const char *from = object != NULL ? tag_member (object, "from") : NULL;
  const char *to = object != NULL ? tag_member (object, "to") : NULL;
  WgPersonTag *result;

  if (tag == NULL || !g_strv_contains (known_tags, tag) || from == NULL ||
      !wg_validate_date (from, "tags", NULL, NULL) ||
      (to_node != NULL && !JSON_NODE_HOLDS_NULL (to_node) &&
       (to == NULL || !wg_validate_date (to, "tags", NULL, NULL) || strcmp (to, from) < 0)))
    {
      wg_set_field_error (error, "tags", "Each tag is {\"tag\": a known tag, \"from\": a date, "
                          "\"to\": a later date or null}");
      return NULL;
    }
  result = g_new0 (WgPersonTag, 1);
  result->tag = g_strdup (tag);
  result->from = g_strdup (from);
  result->to = g_strdup (to);
  return result;
}

static gboolean
parse_tags (WgPersonInput  *input,
            JsonObject     *object,
            GError        **error)
{
  JsonNode *node = json_object_get_member (object, "tags");
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  input->tags_present = TRUE;
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) > MAX_TAGS)
    {
      wg_set_field_error (error, "tags", "The tags are an array of at most %d tags", MAX_TAGS);
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      WgPersonTag *tag = parse_tag (json_array_get_element (array, i), error);

      if (tag == NULL)
        return FALSE;
      g_ptr_array_add (input->tags, tag);
    }
  return TRUE;
}

WgPersonInput *
wg_person_input_parse (JsonObject  *object,
                       gboolean     patch,
                       GError     **error)
{
  g_autoptr(WgPersonInput) input = wg_person_input_new ();

  for (guint i = 0; i < WG_PERSON_N_FIELDS; i++)
    if (!parse_field (input, object, i, patch, error))
      return NULL;
  if (!parse_tags (input, object, error))
    return NULL;
  return g_steal_pointer (&input);
}

gboolean
wg_person_input_check (const WgPersonInput  *input,
                       gboolean              require_id_number,
                       GError              **error)
{
  const char *number = input->values[WG_PERSON_ID_NUMBER];
  const char *status = input->values[WG_PERSON_RESIDENCE_STATUS];
  g_autofree char *birth = NULL;
  WgIdNumberInfo info;

  if (number == NULL)
    {
      if (!require_id_number || g_strcmp0 (status, "foreign") == 0)
        return TRUE;
      wg_set_field_error (error, "id_number", "Only foreign residents may have no ID number");
      return FALSE;
    }
  if (!wg_validate_id_number (number, "id_number", NULL, &info, error))
    return FALSE;
  birth = g_strdup_printf ("%04u-%02u-%02u", info.year, info.month, info.day);
  if (g_strcmp0 (birth, input->values[WG_PERSON_BIRTH_DATE]) != 0)
    {
      wg_set_field_error (error, "id_number", "The ID number's birth date is not the birth date");
      return FALSE;
    }
  if (info.male != (g_strcmp0 (input->values[WG_PERSON_SEX], "male") == 0))
    {
      wg_set_field_error (error, "id_number", "The ID number's sex digit does not match the sex");
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ queries */

void
wg_people_query_free (WgPeopleQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->region);
  g_free (query->status);
  g_free (query->tag);
  g_free (query->q);
  g_free (query->address);
  g_free (query);
}

WgPeopleQuery *
wg_people_query_copy (const WgPeopleQuery *query)
{
  WgPeopleQuery *copy = g_memdup2 (query, sizeof *query);

  copy->region = g_strdup (query->region);
  copy->status = g_strdup (query->status);
  copy->tag = g_strdup (query->tag);
  copy->q = g_strdup (query->q);
  copy->address = g_strdup (query->address);
  return copy;
}

char *
wg_people_cursor_encode (gint64 id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return wg_cursor_encode (text);
}

static gboolean
cursor_decode (const char *cursor,
               gint64     *id)
{
  g_autofree char *decoded = wg_cursor_decode (cursor, MAX_CURSOR_DIGITS);
  guint64 value;

  if (decoded == NULL || !g_ascii_string_to_unsigned (decoded, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static const char *
param (GHashTable *params,
       const char *name)
{
  return params != NULL ? g_hash_table_lookup (params, name) : NULL;
}

static gboolean
is_digits (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return *text != '\0';
}

/* What kind of search @q is (already stripped, not empty). */
static WgPeopleSearch
classify_search (const char *q)
{
  gsize length = strlen (q);

  /* The shape is enough: a number with a wrong check digit finds nobody,
   * as it should, instead of being taken for a phone number. */
  if (length == 18 && strspn (q, "0123456789") >= 17 && (g_ascii_isdigit (q[17]) || q[17] == 'X'))
    return WG_PEOPLE_SEARCH_ID_NUMBER;
  if (is_digits (q) && length >= 4)
    return WG_PEOPLE_SEARCH_PHONE;
  if (g_utf8_strlen (q, -1) >= 2)
    return WG_PEOPLE_SEARCH_NAME;
  return WG_PEOPLE_SEARCH_NAME_START;
}

static gboolean
parse_q (WgPeopleQuery  *query,
         const char     *q,
         GError        **error)
{
  g_autofree char *stripped = NULL;

  if (q == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (q));
  if (!g_utf8_validate (stripped, -1, NULL) || g_utf8_strlen (stripped, -1) > MAX_Q_CHARS)
    {
      wg_set_field_error (error, "q", "The search text has at most %d characters", MAX_Q_CHARS);
      return FALSE;
    }
  if (*stripped == '\0')
    return TRUE;
  if (strlen (stripped) == 18)
    {
      g_autofree char *upper = g_ascii_strup (stripped, -1);

      g_free (stripped);
      stripped = g_steal_pointer (&upper);
    }
  query->search = classify_search (stripped);
  query->q = g_steal_pointer (&stripped);
  return TRUE;
}

/* An address search needs two characters: one would match nearly every
 * house of the district. */
static gboolean
parse_address (WgPeopleQuery  *query,
               const char     *address,
               GError        **error)
{
  g_autofree char *stripped = NULL;
  glong length;

  if (address == NULL)
    return TRUE;
  stripped = g_strstrip (g_strdup (address));
  length = g_utf8_validate (stripped, -1, NULL) ? g_utf8_strlen (stripped, -1) : -1;
  if (length == 0)
    return TRUE;
  if (length < 2 || length > MAX_Q_CHARS)
    {
      wg_set_field_error (error, "address", "Search an address with 2 to %d characters",
                          MAX_Q_CHARS);
      return FALSE;
    }
  query->address = g_steal_pointer (&stripped);
  return TRUE;
}

static gboolean
parse_region (WgPeopleQuery  *query,
              const char     *region,
              GError        **error)
{
  gsize length = region != NULL ? strlen (region) : 0;

  if (region == NULL)
    return TRUE;
  if (!is_digits (region) || (length != 6 && length != 9 && length != 12 && length != 15))
    {
      wg_set_field_error (error, "region", "The parameter “region” must be a region code");
      return FALSE;
    }
  query->region = g_strdup (region);
  return TRUE;
}

static gboolean
parse_filters (WgPeopleQuery  *query,
               GHashTable     *params,
               GError        **error)
{
  const char *status = param (params, "status");
  const char *tag = param (params, "tag");

  if (status != NULL && !g_strv_contains (statuses, status))
    {
      wg_set_field_error (error, "status", "The parameter “status” must be registered, floating or foreign");
      return FALSE;
    }
  if (tag != NULL && !g_strv_contains (known_tags, tag))
    {
      wg_set_field_error (error, "tag", "The parameter “tag” is not a known tag");
      return FALSE;
    }
  query->status = g_strdup (status);
  query->tag = g_strdup (tag);
  return TRUE;
}

static gboolean
parse_paging (WgPeopleQuery  *query,
              GHashTable     *params,
              GError        **error)
{
  const char *limit = param (params, "limit");
  const char *cursor = param (params, "cursor");
  const char *total = param (params, "total");
  guint64 value = WG_LIST_DEFAULT_LIMIT;

  if (limit != NULL && !g_ascii_string_to_unsigned (limit, 10, 1, WG_LIST_MAX_LIMIT, &value, NULL))
    {
      wg_set_field_error (error, "limit", "The parameter “limit” must be a number from 1 to %d",
                          WG_LIST_MAX_LIMIT);
      return FALSE;
    }
  query->limit = value;
  if (cursor != NULL && !cursor_decode (cursor, &query->after_id))
    {
      wg_set_field_error (error, "cursor", "The parameter “cursor” is not a cursor of this list");
      return FALSE;
    }
  if (total != NULL && !g_str_equal (total, "true") && !g_str_equal (total, "false"))
    {
      wg_set_field_error (error, "total", "The parameter “total” must be true or false");
      return FALSE;
    }
  query->total = g_strcmp0 (total, "true") == 0;
  return TRUE;
}

WgPeopleQuery *
wg_people_query_parse (GHashTable  *params,
                       GError     **error)
{
  g_autoptr(WgPeopleQuery) query = g_new0 (WgPeopleQuery, 1);

  if (!parse_region (query, param (params, "region"), error) ||
      !parse_filters (query, params, error) ||
      !parse_q (query, param (params, "q"), error) ||
      !parse_address (query, param (params, "address"), error) ||
      !parse_paging (query, params, error))
    return NULL;
  return g_steal_pointer (&query);
}
