#define G_LOG_DOMAIN "wg-diary-rules"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "wg-diary-rules.h"
#include "wg-error.h"
#include "wg-error-messages.h"

#define EXCERPT_CHARS 160

const char * const wg_diary_topic_suggestions[] = {
  NC_("diary topic", "Disputes"),
  NC_("diary topic", "Environment and sanitation"),
  NC_("diary topic", "Safety hazards"),
  NC_("diary topic", "Special groups"),
  NC_("diary topic", "Residents' requests"),
  NULL,
};

/* The fields of the compose form, in its order. */
static const char * const form_fields[] = {
  "grid", "entry_date", "households_visited", "topics", "body", "follow_up", NULL,
};

const WgRecordKind *
wg_diary_kind (void)
{
  return wg_record_kind_lookup ("diary");
}

static const WgFieldSpec *
wg_diary_field (const char *name)
{
  return wg_record_kind_field (wg_diary_kind (), name);
}

guint
wg_diary_body_max_chars (void)
{
  return wg_diary_field ("body")->max_chars;
}

const char *
wg_diary_topic_label (const char *suggestion)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "diary topic", suggestion);
}

/* Validation */

/* What a field wants, for a value it refused. */
static char *
wg_diary_field_rule (const char *name,
                     gboolean    empty)
{
  const WgFieldSpec *field = wg_diary_field (name);

  if (g_str_equal (name, "grid"))
    return g_strdup (_("Choose one of the grids of your territory."));
  if (g_str_equal (name, "entry_date"))
    return g_strdup (_("Enter a date as YYYY-MM-DD."));
  if (g_str_equal (name, "households_visited"))
    return g_strdup_printf (_("A whole number from %d to %d."), (int) field->min, (int) field->max);
  if (g_str_equal (name, "topics"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At most ten topics of at most %u character each.",
                                         "At most ten topics of at most %u characters each.",
                                         field->max_chars), field->max_chars);
  if (g_str_equal (name, "body") && empty)
    return g_strdup (_("Write what you saw and heard on your rounds."));
  if (g_str_equal (name, "body"))
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At most %u character.", "At most %u characters.",
                                         field->max_chars), field->max_chars);
  return g_strdup (_("The server did not accept this value."));
}

static JsonNode *
wg_diary_draft_value (const WgDiaryDraft *draft,
                      const char         *name)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  if (g_str_equal (name, "grid") && draft->grid == NULL)
    json_node_init_null (node);
  else if (g_str_equal (name, "grid"))
    json_node_set_string (node, draft->grid);
  else if (g_str_equal (name, "entry_date"))
    json_node_set_string (node, draft->date != NULL ? draft->date : "");
  else if (g_str_equal (name, "households_visited"))
    json_node_set_int (node, draft->households_visited);
  else if (g_str_equal (name, "body"))
    json_node_set_string (node, draft->body != NULL ? draft->body : "");
  else if (g_str_equal (name, "follow_up"))
    json_node_set_boolean (node, draft->follow_up);
  else
    {
      JsonArray *array = json_array_new ();

      for (guint i = 0; draft->topics != NULL && draft->topics[i] != NULL; i++)
        json_array_add_string_element (array, draft->topics[i]);
      json_node_init_array (node, array);
      json_array_unref (array);
    }
  return node;
}

static gboolean
wg_diary_node_is_empty (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  text = g_strstrip (g_strdup (json_node_get_string (node)));
  return *text == '\0';
}

JsonObject *
wg_diary_draft_validate (const WgDiaryDraft *draft,
                         const char         *today,
                         GHashTable         *messages)
{
  g_autoptr(JsonObject) body = json_object_new ();

  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (messages != NULL, NULL);

  for (guint i = 0; form_fields[i] != NULL; i++)
    {
      const char *name = form_fields[i];
      g_autoptr(JsonNode) value = wg_diary_draft_value (draft, name);
      g_autoptr(GError) error = NULL;
      JsonNode *parsed = wg_record_field_parse (wg_diary_field (name), value, &error);

      if (parsed == NULL)
        {
          g_hash_table_insert (messages, g_strdup (name),
                               wg_diary_field_rule (name, wg_diary_node_is_empty (value)));
          continue;
        }
      json_object_set_member (body, name, parsed);
    }
  if (!g_hash_table_contains (messages, "entry_date") && today != NULL &&
      g_strcmp0 (json_object_get_string_member (body, "entry_date"), today) > 0)
    g_hash_table_insert (messages, g_strdup ("entry_date"),
                         g_strdup (_("The date cannot be later than today.")));
  return g_hash_table_size (messages) == 0 ? g_steal_pointer (&body) : NULL;
}

/* @text with every wide separator (、，；) made an ASCII comma:
 * g_strsplit_set() splits at bytes, and these are three. */
static char *
wg_diary_narrow_separators (const char *text)
{
  static const char * const wide[] = { "、", "，", "；", NULL };
  char *narrow = g_strdup (text != NULL ? text : "");

  for (guint i = 0; wide[i] != NULL; i++)
    {
      g_auto(GStrv) pieces = g_strsplit (narrow, wide[i], -1);

      g_free (narrow);
      narrow = g_strjoinv (",", pieces);
    }
  return narrow;
}

GStrv
wg_diary_split_topics (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autofree char *narrow = wg_diary_narrow_separators (text);
  g_auto(GStrv) parts = g_strsplit_set (narrow, ",;", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *topic = g_strstrip (parts[i]);

      if (*topic == '\0' || g_ptr_array_find_with_equal_func (seen, topic, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, topic);
      g_strv_builder_add (builder, topic);
    }
  return g_strv_builder_end (builder);
}

/* Decisions */

WgDiaryActions
wg_diary_actions (WgDiaryEntry *entry,
                  gint64        user_id,
                  guint         role_mask)
{
  WgDiaryActions actions = 0;

  if (!wg_roles_may (role_mask, WG_PERMISSION_DIARY_WRITE))
    return 0;
  actions |= WG_DIARY_ACTION_WRITE;
  if (entry != NULL && user_id > 0 && wg_diary_entry_get_author_id (entry) == user_id)
    actions |= WG_DIARY_ACTION_EDIT | WG_DIARY_ACTION_DELETE | WG_DIARY_ACTION_FLAG;
  return actions;
}

/* Reading */

char *
wg_diary_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
wg_diary_parse_date (const char *text,
                     GDate      *date)
{
  guint year;
  guint month;
  guint day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
wg_diary_format_date (const char *date,
                      const char *today)
{
  GDate day;
  GDate now;

  if (date == NULL)
    return g_strdup ("");
  if (!wg_diary_parse_date (date, &day) || !wg_diary_parse_date (today, &now))
    return g_strdup (date);
  if (g_date_days_between (&day, &now) == 0)
    return g_strdup (_("Today"));
  if (g_date_days_between (&day, &now) == 1)
    return g_strdup (_("Yesterday"));
  return g_strdup (date);
}

char *
wg_diary_excerpt (const char *body)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean blank = FALSE;
  guint chars = 0;

  for (const char *p = body != NULL ? body : ""; *p != '\0' && chars < EXCERPT_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          blank = line->len > 0;
          continue;
        }
      if (blank)
        g_string_append_c (line, ' ');
      blank = FALSE;
      g_string_append_unichar (line, c);
      chars++;
    }
  if (chars == EXCERPT_CHARS)
    g_string_append (line, "…");
  return g_string_free (g_steal_pointer (&line), FALSE);
}

char *
wg_diary_join_topics (const char * const *topics)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, C_("list separator", ", "));
      g_string_append (text, topics[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
wg_diary_counter_text (guint chars)
{
  /* Translators: characters typed / the most allowed, under the diary's text */
  return g_strdup_printf (_("%u / %u"), chars, wg_diary_body_max_chars ());
}

/* Errors */

const char *
wg_diary_error_field (const GError *error)
{
  const char *field;

  if (error == NULL || error->domain != WG_ERROR)
    return NULL;
  if (error->code != WG_ERROR_INVALID_INPUT && error->code != WG_ERROR_NOT_FOUND)
    return NULL;
  field = wg_error_get_field (error);
  if (field == NULL || !g_strv_contains (form_fields, field))
    return NULL;
  return field;
}

char *
wg_diary_error_message (const GError *error)
{
  const char *field = wg_diary_error_field (error);

  g_return_val_if_fail (error != NULL, NULL);

  if (field != NULL && g_str_equal (field, "grid"))
    return g_strdup (_("This grid does not exist or is outside your territory."));
  if (field != NULL)
    return wg_diary_field_rule (field, FALSE);
  if (g_error_matches (error, WG_ERROR, WG_ERROR_CONFLICT))
    return g_strdup (_("Someone changed this entry in the meantime. Reload it to see the changes."));
  if (g_error_matches (error, WG_ERROR, WG_ERROR_FORBIDDEN))
    return g_strdup (_("Only the author of an entry may change or delete it."));
  if (g_error_matches (error, WG_ERROR, WG_ERROR_NOT_FOUND))
    return g_strdup (_("This entry is no longer in the diary of your territory."));
  return wg_error_get_user_message (error);
}
