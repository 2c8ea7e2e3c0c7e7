#define G_LOG_DOMAIN "wg-person-rules"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "wg-error.h"
#include "wg-error-messages.h"
#include "wg-person-rules.h"
#include "wg-roles.h"
#include "wg-validate.h"

#define NAME_MAX_CHARS 60
#define REASON_MIN_CHARS 4
#define REASON_MAX_CHARS 500

const char * const wg_person_sexes[] = { "male", "female", NULL };
const char * const wg_person_statuses[] = { "registered", "floating", "foreign", NULL };
/* The order of relation_labels below. */
const char * const wg_person_relations[] = {
  "head", "spouse", "child", "parent", "grandchild", "grandparent", "sibling", "child_in_law", "other",
  "tenant", NULL
};

typedef struct {
  const char *wire;
  const char *label;
} WireLabel;

static const WireLabel sex_labels[] = {
  /* Translators: sex of a person */
  { "male", NC_("sex", "Male") },
  /* Translators: sex of a person */
  { "female", NC_("sex", "Female") },
};

static const WireLabel status_labels[] = {
  { "registered", N_("Registered resident") },
  { "floating", N_("Floating population") },
  { "foreign", N_("Foreign resident") },
};

static const WireLabel relation_labels[] = {
  /* Translators: relation of a household member to the head of household */
  { "head", N_("Head of household") },
  { "spouse", N_("Spouse") },
  { "child", N_("Child") },
  { "parent", N_("Parent") },
  { "grandchild", N_("Grandchild") },
  { "grandparent", N_("Grandparent") },
  { "sibling", N_("Sibling") },
  { "child_in_law", N_("Child-in-law") },
  { "other", N_("Other relative") },
  { "tenant", N_("Tenant") },
};

/* The order of the special-group filter; the server's list of tags. */
static const WireLabel tag_labels[] = {
  { "elderly_alone", N_("Elderly living alone") },
  { "disability", N_("Disability") },
  { "low_income", N_("Low income") },
  { "community_correction", N_("Community correction") },
  { "released_prisoner", N_("Released from prison") },
  { "drug_rehabilitation", N_("Drug rehabilitation") },
  { "mental_disorder", N_("Severe mental disorder") },
  { "left_behind_child", N_("Left-behind child") },
  { "veteran", N_("Veteran") },
  { "key_youth", N_("Youth needing attention") },
};

const char * const wg_person_tags[] = {
  "elderly_alone", "disability", "low_income", "community_correction", "released_prisoner",
  "drug_rehabilitation", "mental_disorder", "left_behind_child", "veteran", "key_youth", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (tag_labels) + 1 == G_N_ELEMENTS (wg_person_tags));

static const char *
wg_person_label (const WireLabel *labels,
                 guint            n_labels,
                 const char      *context,
                 const char      *wire)
{
  if (wire == NULL)
    return NULL;
  for (guint i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].wire, wire))
      return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label)
                             : _(labels[i].label);
  return wire;
}

const char *
wg_person_sex_label (const char *sex)
{
  return wg_person_label (sex_labels, G_N_ELEMENTS (sex_labels), "sex", sex);
}

const char *
wg_person_status_label (const char *residence_status)
{
  return wg_person_label (status_labels, G_N_ELEMENTS (status_labels), NULL, residence_status);
}

const char *
wg_person_relation_label (const char *relation)
{
  return wg_person_label (relation_labels, G_N_ELEMENTS (relation_labels), NULL, relation);
}

const char *
wg_person_tag_label (const char *tag)
{
  return wg_person_label (tag_labels, G_N_ELEMENTS (tag_labels), NULL, tag);
}

/* Permissions */

gboolean
wg_person_may (guint              role_mask,
               WgPersonPermission permission)
{
  /* the server's rules, from common/ */
  switch (permission)
    {
    case WG_PERSON_PERMISSION_READ:
      return wg_roles_may (role_mask, WG_PERMISSION_RECORDS_READ);
    case WG_PERSON_PERMISSION_WRITE:
      return wg_roles_may (role_mask, WG_PERMISSION_RECORDS_WRITE);
    case WG_PERSON_PERMISSION_REVEAL_ID_NUMBER:
      return wg_roles_may (role_mask, WG_PERMISSION_REVEAL_ID_NUMBER);
    default:
      return FALSE;
    }
}

WgPersonActions
wg_person_form_actions (const WgPersonFormState *state)
{
  gboolean write = wg_person_may (state->role_mask, WG_PERSON_PERMISSION_WRITE);
  gboolean shown = state->has_person || state->editing_new;
  WgPersonActions actions = 0;

  if (write && shown)
    actions |= WG_PERSON_ACTION_EDIT;
  if (write && !state->busy)
    actions |= WG_PERSON_ACTION_NEW;
  if (write && shown && state->changed && !state->busy)
    actions |= WG_PERSON_ACTION_SAVE;
  if (write && state->has_person && !state->editing_new && !state->busy)
    actions |= WG_PERSON_ACTION_DELETE;
  if (state->has_person && !state->editing_new && state->has_id_number && !state->busy &&
      wg_person_may (state->role_mask, WG_PERSON_PERMISSION_REVEAL_ID_NUMBER))
    actions |= WG_PERSON_ACTION_REVEAL;
  if (state->has_person && !state->editing_new && !state->busy)
    actions |= WG_PERSON_ACTION_RELOAD;
  return actions;
}

/* Validation */

static gboolean
wg_person_is_empty (const char *value)
{
  return value == NULL || *value == '\0';
}

static gboolean
wg_person_is_one_of (const char         *value,
                     const char * const *values)
{
  return value != NULL && g_strv_contains (values, value);
}

static gboolean
wg_person_all_digits (const char *value,
                      gsize       length)
{
  if (value == NULL || strlen (value) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (value[i]))
      return FALSE;
  return TRUE;
}

static void
wg_person_add_message (GHashTable *messages,
                       const char *field,
                       const char *message)
{
  if (!g_hash_table_contains (messages, field))
    g_hash_table_insert (messages, g_strdup (field), g_strdup (message));
}

static gboolean
wg_person_check_birth_date (const WgPersonDraft *draft,
                            const GDate         *today,
                            GDate               *birth,
                            GHashTable          *messages)
{
  if (wg_person_is_empty (draft->birth_date))
    wg_person_add_message (messages, "birth_date", _("Enter the birth date."));
  else if (!wg_validate_date (draft->birth_date, "birth_date", birth, NULL))
    wg_person_add_message (messages, "birth_date", _("Write the date as YYYY-MM-DD, for example 1980-01-02."));
  else if (g_date_compare (birth, today) > 0)
    wg_person_add_message (messages, "birth_date", _("The birth date cannot be in the future."));
  else
    return TRUE;
  return FALSE;
}

static void
wg_person_check_id_number (const WgPersonDraft *draft,
                           gboolean             is_new,
                           const GDate         *today,
                           const GDate         *birth,
                           GHashTable          *messages)
{
  WgIdNumberInfo info;

  if (wg_person_is_empty (draft->id_number))
    {
      if (is_new && g_strcmp0 (draft->residence_status, "foreign") != 0)
        wg_person_add_message (messages, "id_number",
                               _("Enter the ID number. Only foreign residents may have none."));
      return;
    }
  if (!wg_validate_id_number (draft->id_number, "id_number", today, &info, NULL))
    wg_person_add_message (messages, "id_number",
                           _("This is not a valid ID number: check its 18 characters and the last one."));
  else if (birth != NULL &&
           (g_date_get_year (birth) != info.year || g_date_get_month (birth) != info.month ||
            g_date_get_day (birth) != info.day))
    wg_person_add_message (messages, "id_number",
                           _("The birth date in the ID number differs from the birth date."));
  else if (wg_person_is_one_of (draft->sex, wg_person_sexes) &&
           info.male != g_str_equal (draft->sex, "male"))
    wg_person_add_message (messages, "id_number",
                           _("The sex digit of the ID number does not match the sex."));
}

static void
wg_person_check_simple_fields (const WgPersonDraft *draft,
                               GHashTable          *messages)
{
  if (wg_person_is_empty (draft->name))
    wg_person_add_message (messages, "name", _("Enter the name."));
  else if (g_utf8_strlen (draft->name, -1) > NAME_MAX_CHARS)
    wg_person_add_message (messages, "name", _("A name has at most 60 characters."));
  if (!wg_person_is_one_of (draft->sex, wg_person_sexes))
    wg_person_add_message (messages, "sex", _("Choose the sex."));
  if (!wg_person_is_one_of (draft->residence_status, wg_person_statuses))
    wg_person_add_message (messages, "residence_status", _("Choose the residence status."));
  if (!wg_person_is_empty (draft->phone) && !wg_validate_phone (draft->phone, "phone", NULL))
    wg_person_add_message (messages, "phone",
                           _("Enter a mobile number of 11 digits or a landline with its area code."));
  if (!wg_person_is_empty (draft->origin_code) && !wg_person_all_digits (draft->origin_code, 6))
    wg_person_add_message (messages, "origin_code", _("The place of origin is a 6-digit area code."));
  if (!wg_person_all_digits (draft->grid, 15))
    wg_person_add_message (messages, "grid", _("Choose the grid the person lives in."));
}

gboolean
wg_person_draft_validate (const WgPersonDraft *draft,
                          gboolean             is_new,
                          const GDate         *today,
                          GHashTable          *messages)
{
  g_autoptr(GDate) now = NULL;
  GDate birth;
  gboolean birth_ok;

  g_return_val_if_fail (draft != NULL && messages != NULL, FALSE);

  if (today == NULL)
    {
      g_autoptr(GDateTime) clock = g_date_time_new_now_local ();

      now = g_date_new_dmy (g_date_time_get_day_of_month (clock),
                            g_date_time_get_month (clock), g_date_time_get_year (clock));
      today = now;
    }
  g_date_clear (&birth, 1);
  wg_person_check_simple_fields (draft, messages);
  birth_ok = wg_person_check_birth_date (draft, today, &birth, messages);
  wg_person_check_id_number (draft, is_new, today, birth_ok ? &birth : NULL, messages);
  return g_hash_table_size (messages) == 0;
}

/* Bodies */

static void
wg_person_add_member (JsonBuilder *builder,
                      const char  *field,
                      const char  *value,
                      const char  *original,
                      gboolean     is_new,
                      gboolean     optional)
{
  gboolean empty = wg_person_is_empty (value);

  if (is_new)
    {
      if (!empty)
        {
          json_builder_set_member_name (builder, field);
          json_builder_add_string_value (builder, value);
        }
      return;
    }
  if (g_strcmp0 (empty ? NULL : value, wg_person_is_empty (original) ? NULL : original) == 0)
    return;
  if (empty && !optional)
    return;
  json_builder_set_member_name (builder, field);
  if (empty)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

JsonNode *
wg_person_draft_to_json (const WgPersonDraft *draft,
                         WgPerson            *original)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean is_new = original == NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  json_builder_begin_object (builder);
  wg_person_add_member (builder, "name", draft->name, is_new ? NULL : wg_person_get_name (original), is_new, FALSE);
  wg_person_add_member (builder, "sex", draft->sex, is_new ? NULL : wg_person_get_sex (original), is_new, FALSE);
  wg_person_add_member (builder, "birth_date", draft->birth_date,
                        is_new ? NULL : wg_person_get_birth_date (original), is_new, FALSE);
  wg_person_add_member (builder, "ethnicity", draft->ethnicity,
                        is_new ? NULL : wg_person_get_ethnicity (original), is_new, TRUE);
  wg_person_add_member (builder, "phone", draft->phone, is_new ? NULL : wg_person_get_phone (original), is_new, TRUE);
  /* An empty ID number field keeps the number on record. */
  if (!wg_person_is_empty (draft->id_number))
    wg_person_add_member (builder, "id_number", draft->id_number, NULL, is_new, TRUE);
  wg_person_add_member (builder, "residence_status", draft->residence_status,
                        is_new ? NULL : wg_person_get_residence_status (original), is_new, FALSE);
  wg_person_add_member (builder, "origin_code", draft->origin_code,
                        is_new ? NULL : wg_person_get_origin_code (original), is_new, TRUE);
  wg_person_add_member (builder, "nationality", draft->nationality,
                        is_new ? NULL : wg_person_get_nationality (original), is_new, TRUE);
  wg_person_add_member (builder, "grid", draft->grid, is_new ? NULL : wg_person_get_grid_code (original),
                        is_new, FALSE);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  if (!is_new && json_object_get_size (json_node_get_object (root)) == 0)
    return NULL;
  return g_steal_pointer (&root);
}

/* Server errors */

static const char * const form_fields[] = {
  "name", "sex", "birth_date", "ethnicity", "phone", "id_number",
  "residence_status", "origin_code", "nationality", "grid", NULL
};

const char *
wg_person_error_field (const GError *error)
{
  const char *field;

  if (error == NULL || error->domain != WG_ERROR)
    return NULL;
  if (error->code != WG_ERROR_INVALID_INPUT && error->code != WG_ERROR_CONFLICT)
    return NULL;
  field = wg_error_get_field (error);
  if (field == NULL || !g_strv_contains (form_fields, field))
    return NULL;
  return field;
}

static const char *
wg_person_field_invalid_message (const char *field)
{
  if (g_str_equal (field, "id_number"))
    return _("The server did not accept this ID number: check it against the birth date and the sex.");
  if (g_str_equal (field, "grid"))
    return _("This grid does not exist or is outside your territory.");
  if (g_str_equal (field, "birth_date"))
    return _("The server did not accept this birth date.");
  if (g_str_equal (field, "phone"))
    return _("The server did not accept this phone number.");
  return _("The server did not accept this value.");
}

char *
wg_person_error_message (const GError *error)
{
  const char *field = wg_person_error_field (error);

  g_return_val_if_fail (error != NULL, NULL);

  if (field != NULL && error->code == WG_ERROR_CONFLICT)
    return g_strdup (g_str_equal (field, "id_number")
                     ? _("Another person in the records already has this ID number.")
                     : _("Another record already has this value."));
  if (field != NULL)
    return g_strdup (wg_person_field_invalid_message (field));
  if (g_error_matches (error, WG_ERROR, WG_ERROR_CONFLICT))
    return g_strdup (_("Someone else changed this person in the meantime. Reload to see the changes."));
  if (g_error_matches (error, WG_ERROR, WG_ERROR_NOT_FOUND))
    return g_strdup (_("This person is no longer in the records of your territory."));
  return wg_error_get_user_message (error);
}

gboolean
wg_person_reveal_reason_ok (const char *reason)
{
  g_autofree char *trimmed = NULL;
  glong length;

  if (reason == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (reason));
  length = g_utf8_strlen (trimmed, -1);
  return length >= REASON_MIN_CHARS && length <= REASON_MAX_CHARS;
}
