#define G_LOG_DOMAIN "wg-import-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-csv.h"
#include "wg-error-messages.h"
#include "wg-error.h"
#include "wg-import-rules.h"
#include "wg-person-rules.h"
#include "wg-record-kind.h"
#include "wg-record-rules.h"

typedef struct {
  const char *name;
  const char *label;
} PersonColumn;

/* The columns of a people file, labelled as the person form does. */
static const PersonColumn person_columns[] = {
  { "name", N_("Name") },
  { "sex", N_("Sex") },
  { "birth_date", N_("Birth date") },
  { "ethnicity", N_("Ethnicity") },
  { "phone", N_("Phone") },
  { "id_number", N_("ID number") },
  { "residence_status", N_("Residence status") },
  { "origin_code", N_("Place of origin (area code)") },
  { "nationality", N_("Nationality") },
  { "grid", N_("Grid") },
  { "tags", N_("Special groups") },
};

static gboolean
is_people (const char *kind_name)
{
  return g_strcmp0 (kind_name, "people") == 0;
}

const char *
wg_import_field_label (const char *kind_name,
                       const char *field)
{
  const WgRecordKind *kind;
  const WgFieldSpec *spec;

  if (field == NULL)
    return NULL;
  if (is_people (kind_name))
    {
      for (guint i = 0; i < G_N_ELEMENTS (person_columns); i++)
        if (g_str_equal (person_columns[i].name, field))
          return _(person_columns[i].label);
      return field;
    }
  kind = wg_record_kind_lookup (kind_name);
  spec = kind != NULL ? wg_record_kind_field (kind, field) : NULL;
  return spec != NULL ? wg_record_field_get_label (spec) : field;
}

/* The report's entry as the GError the server would have answered. */
static GError *
entry_error (JsonObject *entry)
{
  const char *code_name = json_object_get_string_member_with_default (entry, "code", NULL);
  const char *field = json_object_get_string_member_with_default (entry, "field", NULL);
  const char *message = json_object_get_string_member_with_default (entry, "message", "");
  WgErrorCode code = WG_ERROR_INVALID_INPUT;
  GError *error = NULL;

  wg_error_code_from_string (code_name, &code);
  wg_set_error_with_field (&error, code, field, "%s", message);
  return error;
}

/* A file names choices by their values ("enterprise"): say which, with
 * what each means. */
static char *
choices_message (const WgFieldSpec *spec)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (const WgChoice *choice = spec->choices; choice->value != NULL; choice++)
    {
      if (list->len > 0)
        /* Translators: the separator of a list of choices */
        g_string_append (list, _(", "));
      /* Translators: a choice as a file writes it, then what it means */
      g_string_append_printf (list, _("%s (%s)"), choice->value,
                              wg_record_choice_label (spec, choice->value));
    }
  /* Translators: %s is a list of choices */
  return g_strdup_printf (_("Write one of: %s"), list->str);
}

static char *
field_message (const char   *kind_name,
               const GError *error,
               const char   *cell)
{
  const WgRecordKind *kind;
  const WgFieldSpec *spec;

  if (is_people (kind_name))
    return wg_person_error_message (error);
  kind = wg_record_kind_lookup (kind_name);
  spec = kind != NULL ? wg_record_kind_field (kind, wg_error_get_field (error)) : NULL;
  if (spec == NULL)
    return wg_error_get_user_message (error);
  if (spec->type == WG_FIELD_CHOICE && cell != NULL && *cell != '\0' &&
      g_error_matches (error, WG_ERROR, WG_ERROR_INVALID_INPUT))
    return choices_message (spec);
  return wg_record_field_message (spec, cell, error);
}

char *
wg_import_problem_message (const char *kind_name,
                           JsonObject *entry,
                           const char *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *value = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  error = entry_error (entry);
  if (wg_error_get_field (error) == NULL)
    {
      if (g_error_matches (error, WG_ERROR, WG_ERROR_INVALID_INPUT))
        return g_strdup (_("This row does not have as many cells as the first row has columns."));
      return wg_error_get_user_message (error);
    }
  message = field_message (kind_name, error, cell);
  value = cell != NULL ? g_strstrip (g_strdup (cell)) : NULL;
  if (value == NULL || *value == '\0')
    return g_steal_pointer (&message);
  /* Translators: a message about a cell of an imported file, then the
   * cell's text */
  return g_strdup_printf (_("%s (in the file: “%s”)"), message, value);
}

const char *
wg_import_cell (GPtrArray  *rows,
                guint       row,
                const char *field)
{
  GStrv header;
  GStrv cells;

  if (rows == NULL || field == NULL || row == 0 || row >= rows->len)
    return NULL;
  header = g_ptr_array_index (rows, 0);
  cells = g_ptr_array_index (rows, row);
  for (guint i = 0; header[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (header[i]));

      if (g_str_equal (name, field))
        return i < g_strv_length (cells) ? cells[i] : NULL;
    }
  return NULL;
}

char *
wg_import_report_summary (JsonObject *report)
{
  gint64 rows = json_object_get_int_member_with_default (report, "rows", 0);
  guint refused = json_array_get_length (json_object_get_array_member (report, "rejected"));

  if (rows == 0)
    return g_strdup (_("The file has no rows to import."));
  if (refused == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d row checked: it can be imported.",
                                         "%d rows checked: every one can be imported.",
                                         rows), (int) rows);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u of %d rows cannot be imported. Correct it in the file "
                                       "and check again: nothing is imported until every row passes.",
                                       "%u of %d rows cannot be imported. Correct them in the file "
                                       "and check again: nothing is imported until every row passes.",
                                       refused), refused, (int) rows);
}

gboolean
wg_import_report_is_clean (JsonObject *report)
{
  JsonArray *rejected;

  if (report == NULL || json_object_get_int_member_with_default (report, "rows", 0) <= 0)
    return FALSE;
  rejected = json_object_get_array_member (report, "rejected");
  return rejected != NULL && json_array_get_length (rejected) == 0;
}

static const char *
kind_label (const char *kind_name)
{
  const WgRecordKind *kind = wg_record_kind_lookup (kind_name);

  return kind != NULL ? wg_record_kind_get_label (kind) : _("People");
}

char *
wg_export_file_name (const char *kind_name,
                     GDateTime  *now)
{
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  /* Translators: the name of an exported file: the records' label, the date */
  return g_strdup_printf (_("%s-%s.csv"), kind_label (kind_name), date);
}

GBytes *
wg_import_template (const char *kind_name)
{
  g_autoptr(WgCsvWriter) writer = wg_csv_writer_new (TRUE);
  const WgRecordKind *kind = wg_record_kind_lookup (kind_name);

  if (is_people (kind_name))
    for (guint i = 0; i < G_N_ELEMENTS (person_columns); i++)
      wg_csv_writer_add_field (writer, person_columns[i].name);
  for (guint i = 0; kind != NULL && i < kind->n_fields; i++)
    if (!(kind->fields[i].flags & WG_FIELD_READ_ONLY))
      wg_csv_writer_add_field (writer, kind->fields[i].name);
  wg_csv_writer_end_row (writer);
  return wg_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}

char *
wg_import_template_name (const char *kind_name)
{
  /* Translators: the name of a template file; %s is the records' label */
  return g_strdup_printf (_("%s-template.csv"), kind_label (kind_name));
}
