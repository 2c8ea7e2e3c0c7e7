#define G_LOG_DOMAIN "wg-import-problem"

#include "config.h"

#include "wg-import-problem.h"

struct _WgImportProblem {
  GObject  parent_instance;

  guint    row;
  char    *field;
  char    *message;
};

G_DEFINE_FINAL_TYPE (WgImportProblem, wg_import_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROW,
  PROP_ROW_TEXT,
  PROP_FIELD,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wg_import_problem_finalize (GObject *object)
{
  WgImportProblem *self = WG_IMPORT_PROBLEM (object);

  g_free (self->field);
  g_free (self->message);

  G_OBJECT_CLASS (wg_import_problem_parent_class)->finalize (object);
}

static void
wg_import_problem_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WgImportProblem *self = WG_IMPORT_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_ROW:
      g_value_set_uint (value, self->row);
      break;
    case PROP_ROW_TEXT:
      g_value_take_string (value, g_strdup_printf ("%u", self->row));
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_import_problem_class_init (WgImportProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wg_import_problem_finalize;
  object_class->get_property = wg_import_problem_get_property;

  properties[PROP_ROW] =
    g_param_spec_uint ("row", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The row number as the table shows it. */
  properties[PROP_ROW_TEXT] =
    g_param_spec_string ("row-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wg_import_problem_init (WgImportProblem *self)
{
}

WgImportProblem *
wg_import_problem_new (guint       row,
                       const char *field,
                       const char *message)
{
  WgImportProblem *self = g_object_new (WG_TYPE_IMPORT_PROBLEM, NULL);

  self->row = row;
  self->field = g_strdup (field);
  self->message = g_strdup (message);
  return self;
}

guint
wg_import_problem_get_row (WgImportProblem *self)
{
  g_return_val_if_fail (WG_IS_IMPORT_PROBLEM (self), 0);

  return self->row;
}

const char *
wg_import_problem_get_field (WgImportProblem *self)
{
  g_return_val_if_fail (WG_IS_IMPORT_PROBLEM (self), NULL);

  return self->field;
}

const char *
wg_import_problem_get_message (WgImportProblem *self)
{
  g_return_val_if_fail (WG_IS_IMPORT_PROBLEM (self), NULL);

  return self->message;
}
