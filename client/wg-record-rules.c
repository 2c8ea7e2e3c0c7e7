#define G_LOG_DOMAIN "wg-record-rules"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "wg-error.h"
#include "wg-record-rules.h"
#include "wg-roles.h"

const char * const wg_record_residence_kinds[] = { "owner", "tenant", "resident", NULL };

/* Labels */

const char *
wg_record_kind_get_label (const WgRecordKind *kind)
{
  return _(kind->label);
}

const char *
wg_record_field_get_label (const WgFieldSpec *field)
{
  return _(field->label);
}

const char *
wg_record_choice_label (const WgFieldSpec *field,
                        const char        *value)
{
  const char *label = wg_field_choice_label (field, value);

  return label != NULL ? _(label) : value;
}

const char *
wg_record_residence_label (const char *kind)
{
  if (g_strcmp0 (kind, "owner") == 0)
    /* Translators: how a person lives in a house */
    return C_("residence", "Owner");
  if (g_strcmp0 (kind, "tenant") == 0)
    return C_("residence", "Tenant");
  if (g_strcmp0 (kind, "resident") == 0)
    return C_("residence", "Resident");
  return kind;
}

/* Values */

/* At most two decimals, without trailing zeros. */
static char *
wg_record_format_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", number);
  text = g_strdup (buffer);
  if (strchr (text, '.') != NULL)
    {
      gsize length = strlen (text);

      while (length > 0 && text[length - 1] == '0')
        text[--length] = '\0';
      if (length > 0 && text[length - 1] == '.')
        text[--length] = '\0';
    }
  return g_steal_pointer (&text);
}

static char *
wg_record_format_point (JsonNode *value)
{
  JsonArray *array;
  char lon[G_ASCII_DTOSTR_BUF_SIZE];
  char lat[G_ASCII_DTOSTR_BUF_SIZE];

  if (!JSON_NODE_HOLDS_ARRAY (value) || json_array_get_length (array = json_node_get_array (value)) != 2)
    return g_strdup ("");
  g_ascii_formatd (lon, sizeof lon, "%.6f", json_array_get_double_element (array, 0));
  g_ascii_formatd (lat, sizeof lat, "%.6f", json_array_get_double_element (array, 1));
  return g_strdup_printf ("%s, %s", lon, lat);
}

static guint
wg_record_count_positions (JsonNode *node)
{
  guint count = 0;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return 0;
  array = json_node_get_array (node);
  /* a position is an array of numbers */
  if (json_array_get_length (array) > 0 && !JSON_NODE_HOLDS_ARRAY (json_array_get_element (array, 0)))
    return 1;
  for (guint i = 0; i < json_array_get_length (array); i++)
    count += wg_record_count_positions (json_array_get_element (array, i));
  return count;
}

static char *
wg_record_format_polygon (JsonNode *value)
{
  JsonNode *coordinates;
  guint count;

  if (!JSON_NODE_HOLDS_OBJECT (value) ||
      (coordinates = json_object_get_member (json_node_get_object (value), "coordinates")) == NULL)
    return g_strdup ("");
  count = wg_record_count_positions (coordinates);
  /* Translators: the outline of a land parcel */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "An outline of %u point", "An outline of %u points", count),
                          count);
}

static char *
wg_record_format_list (JsonNode *value)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (value))
    return g_strdup ("");
  array = json_node_get_array (value);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *item = json_node_get_string (json_array_get_element (array, i));

      if (item == NULL)
        continue;
      if (text->len > 0)
        /* Translators: between the items of a list ("a, b") */
        g_string_append (text, _(", "));
      g_string_append (text, item);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
wg_record_format_grid (JsonNode *value,
                       gboolean  code)
{
  JsonObject *object;

  if (JSON_NODE_HOLDS_VALUE (value))
    return g_strdup (json_node_get_string (value));
  if (!JSON_NODE_HOLDS_OBJECT (value))
    return g_strdup ("");
  object = json_node_get_object (value);
  return g_strdup (json_object_get_string_member_with_default (object, code ? "code" : "name", ""));
}

static char *
wg_record_format_scalar (const WgFieldSpec *field,
                         JsonNode          *value)
{
  switch (field->type)
    {
    case WG_FIELD_DECIMAL:
      return wg_record_format_number (json_node_get_double (value));
    case WG_FIELD_INTEGER:
    case WG_FIELD_REFERENCE:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    case WG_FIELD_BOOLEAN:
      return g_strdup (json_node_get_boolean (value) ? _("Yes") : _("No"));
    case WG_FIELD_CHOICE:
      return g_strdup (wg_record_choice_label (field, json_node_get_string (value)));
    default:
      return g_strdup (json_node_get_string (value));
    }
}

char *
wg_record_format_value (const WgFieldSpec *field,
                        JsonNode          *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  switch (field->type)
    {
    case WG_FIELD_POINT:
      return wg_record_format_point (value);
    case WG_FIELD_POLYGON:
      return wg_record_format_polygon (value);
    case WG_FIELD_TEXT_LIST:
      return wg_record_format_list (value);
    case WG_FIELD_GRID:
      return wg_record_format_grid (value, FALSE);
    default:
      if (!JSON_NODE_HOLDS_VALUE (value))
        return g_strdup ("");
      return wg_record_format_scalar (field, value);
    }
}

char *
wg_record_edit_text (const WgFieldSpec *field,
                     JsonNode          *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");
  if (field->type == WG_FIELD_CHOICE && JSON_NODE_HOLDS_VALUE (value))
    return g_strdup (json_node_get_string (value));
  if (field->type == WG_FIELD_GRID)
    return wg_record_format_grid (value, TRUE);
  if (field->type == WG_FIELD_TEXT_LIST)
    {
      g_autofree char *joined = wg_record_format_list (value);
      g_autoptr(GString) text = g_string_new (joined);

      /* typed back, items are separated by ";" */
      g_string_replace (text, _(", "), "; ", 0);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  return wg_record_format_value (field, value);
}

JsonNode *
wg_record_field_from_text (const WgFieldSpec  *field,
                           const char         *text,
                           GError            **error)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (field != NULL, NULL);

  if (*stripped == '\0')
    {
      g_clear_pointer (&node, json_node_unref);
      node = json_node_new (JSON_NODE_NULL);
    }
  else if (field->type == WG_FIELD_BOOLEAN)
    json_node_set_boolean (node, g_str_equal (stripped, "true"));
  else if (field->type == WG_FIELD_POINT)
    {
      g_autoptr(GString) point = g_string_new (stripped);

      g_string_replace (point, " ", "", 0);
      json_node_set_string (node, point->str);
    }
  else
    json_node_set_string (node, stripped);
  return wg_record_field_parse (field, node, error);
}

static char *
wg_record_type_message (const WgFieldSpec *field)
{
  switch (field->type)
    {
    case WG_FIELD_TEXT:
    case WG_FIELD_TEXT_LIST:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At most %u character", "At most %u characters",
                                           field->max_chars), field->max_chars);
    case WG_FIELD_DECIMAL:
      {
        g_autofree char *min = wg_record_format_number (field->min);
        g_autofree char *max = wg_record_format_number (field->max);

        return g_strdup_printf (_("A number above %s and below %s, with at most two decimals"), min, max);
      }
    case WG_FIELD_INTEGER:
      {
        g_autofree char *min = wg_record_format_number (field->min);
        g_autofree char *max = wg_record_format_number (field->max);

        return g_strdup_printf (_("A whole number from %s to %s"), min, max);
      }
    case WG_FIELD_DATE:
      return g_strdup (_("A date such as 2024-05-01"));
    case WG_FIELD_PHONE:
      return g_strdup (_("Enter a mobile number of 11 digits or a landline with its area code."));
    case WG_FIELD_CREDIT_CODE:
      return g_strdup (_("18 characters, digits and capital letters, with a valid check character"));
    case WG_FIELD_CLASS_CODE:
      return g_strdup (_("Four digits from 0101 to 0699"));
    case WG_FIELD_POINT:
      return g_strdup (_("Longitude, latitude in degrees, such as 116.4074, 39.9042"));
    case WG_FIELD_GRID:
      return g_strdup (_("Choose a grid of your territory"));
    default:
      return g_strdup (_("Not a valid value"));
    }
}

char *
wg_record_field_message (const WgFieldSpec  *field,
                         const char         *text,
                         const GError       *error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (field != NULL, NULL);

  if (error != NULL && g_error_matches (error, WG_ERROR, WG_ERROR_CONFLICT))
    return g_strdup (_("Another record already has this value"));
  if (error != NULL && g_error_matches (error, WG_ERROR, WG_ERROR_NOT_FOUND))
    return g_strdup (_("Not found in your territory"));
  if (*stripped == '\0' && (field->flags & WG_FIELD_REQUIRED))
    return g_strdup (_("Required"));
  return wg_record_type_message (field);
}

gboolean
wg_record_values_equal (JsonNode *a,
                        JsonNode *b)
{
  gboolean a_null = a == NULL || JSON_NODE_HOLDS_NULL (a);
  gboolean b_null = b == NULL || JSON_NODE_HOLDS_NULL (b);

  if (a_null || b_null)
    return a_null == b_null;
  return json_node_equal (a, b);
}

/* Permissions */

gboolean
wg_record_kind_may_read (const WgRecordKind *kind,
                         guint               role_mask)
{
  return wg_roles_may (role_mask, kind->read);
}

gboolean
wg_record_kind_may_write (const WgRecordKind *kind,
                          guint               role_mask)
{
  return wg_roles_may (role_mask, kind->write);
}

/* Counts */

char *
wg_record_format_count (gint64 count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  GString *grouped = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && digits[i - 1] != '-' && (length - i) % 3 == 0)
        g_string_append_c (grouped, ',');
      g_string_append_c (grouped, digits[i]);
    }
  return g_string_free (grouped, FALSE);
}

static const char *
wg_record_count_format (const WgRecordKind *kind,
                        gulong              n)
{
  /* Translators: %s is a number with thousands separators, in each of these */
  if (g_str_equal (kind->name, "households"))
    return g_dngettext (GETTEXT_PACKAGE, "%s household", "%s households", n);
  if (g_str_equal (kind->name, "houses"))
    return g_dngettext (GETTEXT_PACKAGE, "%s house", "%s houses", n);
  if (g_str_equal (kind->name, "land-parcels"))
    return g_dngettext (GETTEXT_PACKAGE, "%s land parcel", "%s land parcels", n);
  if (g_str_equal (kind->name, "components"))
    return g_dngettext (GETTEXT_PACKAGE, "%s component", "%s components", n);
  if (g_str_equal (kind->name, "organizations"))
    return g_dngettext (GETTEXT_PACKAGE, "%s organization", "%s organizations", n);
  if (g_str_equal (kind->name, "underground-spaces"))
    return g_dngettext (GETTEXT_PACKAGE, "%s underground space", "%s underground spaces", n);
  if (g_str_equal (kind->name, "grid-staff"))
    return g_dngettext (GETTEXT_PACKAGE, "%s staff member", "%s staff members", n);
  if (g_str_equal (kind->name, "diary"))
    return g_dngettext (GETTEXT_PACKAGE, "%s diary entry", "%s diary entries", n);
  return g_dngettext (GETTEXT_PACKAGE, "%s record", "%s records", n);
}

char *
wg_record_count_text (const WgRecordKind *kind,
                      gint64              count)
{
  g_autofree char *number = wg_record_format_count (count);

  g_return_val_if_fail (kind != NULL, NULL);
  return g_strdup_printf (wg_record_count_format (kind, (gulong) MIN (count, G_MAXLONG)), number);
}
