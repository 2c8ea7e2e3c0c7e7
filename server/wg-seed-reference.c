#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include <string.h>

#include "wg-error.h"
#include "wg-seed-private.h"

/* Where Beijing's floating population comes from, by province (shares in
 * per cent, rounded from the 2020 census' inter-provincial migrants to
 * Beijing; written for Wangge, not copied). */
static const struct {
  guint  province;
  double share;
} origin_provinces[] = {
  { 13, 22 }, { 41, 13 }, { 37, 8 }, { 34, 6 }, { 23, 5 }, { 14, 4 }, { 15, 4 }, { 42, 4 },
  { 51, 4 }, { 21, 3 }, { 22, 3 }, { 32, 3 }, { 43, 3 }, { 12, 2 }, { 33, 2 }, { 36, 2 },
  { 61, 2 }, { 62, 2 }, { 50, 1.5 }, { 35, 1 }, { 44, 1 }, { 45, 1 }, { 52, 1 }, { 53, 1 },
  { 31, 0.5 }, { 64, 0.5 }, { 65, 0.5 }, { 46, 0.3 }, { 63, 0.3 }, { 54, 0.2 },
};

/* Mobile number prefixes in use. */
static const char * const phone_prefixes[] = {
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147",
  "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "175",
  "176", "177", "178", "180", "181", "182", "183", "184", "185", "186", "187", "188",
  "189", "191", "198", "199",
};

struct _WgSeedReference {
  GPtrArray      *surnames;        /* char* */
  WgSeedWeights  *surname_weights;
  GPtrArray      *given[2][2];     /* [male][two characters] */
  GPtrArray      *counties[100];   /* per province: county codes */
  GPtrArray      *beijing;         /* Beijing county codes but Dongcheng */
  double          province_weights[G_N_ELEMENTS (origin_provinces)];
};

/* The fields of one CSV line, quotes removed (the files have no commas
 * inside quotes). */
static char **
wg_seed_csv_fields (const char *line)
{
  char **fields = g_strsplit (line, ",", -1);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_strstrip (fields[i]);
      if (fields[i][0] == '"')
        {
          gsize length = strlen (fields[i]);

          memmove (fields[i], fields[i] + 1, length);
          if (length >= 2 && fields[i][length - 2] == '"')
            fields[i][length - 2] = '\0';
        }
    }
  return fields;
}

/* The lines of @name in @data_dir after the header, each split. */
static GPtrArray *
wg_seed_csv_read (const char  *data_dir,
                  const char  *name,
                  guint        n_fields,
                  GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, name, NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char **fields;

      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      fields = wg_seed_csv_fields (lines[i]);
      if (g_strv_length (fields) < n_fields)
        {
          g_strfreev (fields);
          g_set_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT, "%s line %u: expected %u fields",
                       path, i + 1, n_fields);
          return NULL;
        }
      g_ptr_array_add (rows, fields);
    }
  return g_steal_pointer (&rows);
}

static gboolean
wg_seed_reference_load_names (WgSeedReference  *self,
                              const char       *data_dir,
                              GError          **error)
{
  g_autoptr(GPtrArray) surnames = wg_seed_csv_read (data_dir, "surnames_zh_weighted.csv", 2, error);
  g_autoptr(GPtrArray) given = NULL;

  if (surnames == NULL)
    return FALSE;
  for (guint i = 0; i < surnames->len; i++)
    {
      char **fields = g_ptr_array_index (surnames, i);

      g_ptr_array_add (self->surnames, g_strdup (fields[0]));
      wg_seed_weights_add (self->surname_weights, g_ascii_strtod (fields[1], NULL));
    }
  given = wg_seed_csv_read (data_dir, "given_names_zh.csv", 2, error);
  if (given == NULL)
    return FALSE;
  for (guint i = 0; i < given->len; i++)
    {
      char **fields = g_ptr_array_index (given, i);
      gboolean male = g_str_equal (fields[1], "M");
      gboolean two = g_utf8_strlen (fields[0], -1) > 1;

      g_ptr_array_add (self->given[male][two], g_strdup (fields[0]));
    }
  for (guint male = 0; male < 2; male++)
    for (guint two = 0; two < 2; two++)
      if (self->given[male][two]->len == 0)
        {
          g_set_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT,
                       "given_names_zh.csv lacks %s %s-character names",
                       male ? "male" : "female", two ? "two" : "one");
          return FALSE;
        }
  return TRUE;
}

static gboolean
wg_seed_reference_load_areas (WgSeedReference  *self,
                              const char       *data_dir,
                              GError          **error)
{
  g_autoptr(GPtrArray) areas = wg_seed_csv_read (data_dir, "nbs2023_areas.csv", 4, error);

  if (areas == NULL)
    return FALSE;
  for (guint i = 0; i < areas->len; i++)
    {
      char **fields = g_ptr_array_index (areas, i);
      guint province = (guint) g_ascii_strtoull (fields[3], NULL, 10);

      if (strlen (fields[0]) != 6 || province >= G_N_ELEMENTS (self->counties))
        continue;
      if (province == 11)
        {
          if (!g_str_equal (fields[0], "110101"))
            g_ptr_array_add (self->beijing, g_strdup (fields[0]));
          continue;
        }
      if (self->counties[province] == NULL)
        self->counties[province] = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->counties[province], g_strdup (fields[0]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (origin_provinces); i++)
    self->province_weights[i] = self->counties[origin_provinces[i].province] != NULL
                                ? origin_provinces[i].share : 0;
  if (self->beijing->len == 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INVALID_INPUT, "nbs2023_areas.csv has no Beijing counties");
      return FALSE;
    }
  return TRUE;
}

WgSeedReference *
wg_seed_reference_load (const char  *data_dir,
                        GError     **error)
{
  g_autoptr(WgSeedReference) self = g_new0 (WgSeedReference, 1);

  self->surnames = g_ptr_array_new_with_free_func (g_free);
  self->surname_weights = wg_seed_weights_new ();
  for (guint male = 0; male < 2; male++)
    for (guint two = 0; two < 2; two++)
      self->given[male][two] = g_ptr_array_new_with_free_func (g_free);
  self->beijing = g_ptr_array_new_with_free_func (g_free);
  if (!wg_seed_reference_load_names (self, data_dir, error) ||
      !wg_seed_reference_load_areas (self, data_dir, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
wg_seed_reference_free (WgSeedReference *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->surnames);
  wg_seed_weights_free (self->surname_weights);
  for (guint male = 0; male < 2; male++)
    for (guint two = 0; two < 2; two++)
      g_ptr_array_unref (self->given[male][two]);
  for (guint i = 0; i < G_N_ELEMENTS (self->counties); i++)
    g_clear_pointer (&self->counties[i], g_ptr_array_unref);
  g_ptr_array_unref (self->beijing);
  g_free (self);
}

guint
wg_seed_reference_surname (WgSeedReference *self,
                           WgSeedRandom    *random)
{
  return wg_seed_weights_pick (self->surname_weights, random);
}

const char *
wg_seed_reference_surname_text (WgSeedReference *self,
                                guint            surname)
{
  return g_ptr_array_index (self->surnames, surname);
}

static const char *
wg_seed_pick_string (GPtrArray    *strings,
                     WgSeedRandom *random)
{
  return g_ptr_array_index (strings, wg_seed_random_below (random, strings->len));
}

/* One character (伟, 芳), a listed two-character name (建国, 秀英), or two
 * single characters of the sex (伟强, 静怡-like pairs). */
void
wg_seed_reference_given (WgSeedReference *self,
                         WgSeedRandom    *random,
                         gboolean         male,
                         GString         *name)
{
  static const double male_shares[] = { 0.45, 0.15, 0.40 };
  static const double female_shares[] = { 0.30, 0.45, 0.25 };
  GPtrArray *single = self->given[male ? 1 : 0][0];
  GPtrArray *double_ = self->given[male ? 1 : 0][1];

  switch (wg_seed_random_pick (random, male ? male_shares : female_shares, 3))
    {
    case 0:
      g_string_append (name, wg_seed_pick_string (single, random));
      break;
    case 1:
      g_string_append (name, wg_seed_pick_string (double_, random));
      break;
    default:
      g_string_append (name, wg_seed_pick_string (single, random));
      g_string_append (name, wg_seed_pick_string (single, random));
      break;
    }
}

const char *
wg_seed_reference_origin (WgSeedReference *self,
                          WgSeedRandom    *random)
{
  guint index = wg_seed_random_pick (random, self->province_weights,
                                     G_N_ELEMENTS (origin_provinces));

  return wg_seed_pick_string (self->counties[origin_provinces[index].province], random);
}

const char *
wg_seed_reference_beijing (WgSeedReference *self,
                           WgSeedRandom    *random)
{
  return wg_seed_pick_string (self->beijing, random);
}

void
wg_seed_phone (WgSeedRandom *random,
               char          buffer[12])
{
  const char *prefix = phone_prefixes[wg_seed_random_below (random, G_N_ELEMENTS (phone_prefixes))];

  g_snprintf (buffer, 12, "%s%08u", prefix, wg_seed_random_below (random, 100000000));
}

void
wg_seed_person_name (WgSeedReference *reference,
                     WgSeedRandom    *random,
                     gboolean         male,
                     GString         *name)
{
  g_string_assign (name, wg_seed_reference_surname_text (reference,
                                                         wg_seed_reference_surname (reference, random)));
  wg_seed_reference_given (reference, random, male, name);
}
