#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include <sodium.h>

#include "wg-seed-private.h"
#include "wg-validate.h"

G_STATIC_ASSERT (sizeof (gpointer) >= sizeof (guint64));

static const char * const house_uses[] = { "residential", "commercial", "office", "mixed" };
static const char * const courtyard_rooms[] = {
  "北房", "南房", "东厢房", "西厢房", "东耳房", "西耳房", "倒座房", "后罩房",
};
static const char * const relations[] = { "head", "spouse", "child", "parent", "grandchild", "other" };
static const char * const statuses[] = { "registered", "floating", "foreign" };
static const char * const ethnicities[] = {
  "汉族", "满族", "回族", "蒙古族", "朝鲜族", "土家族", "壮族", "苗族",
};
static const char * const tag_names[] = {
  "elderly_alone", "disability", "low_income", "community_correction", "released_prisoner",
  "drug_rehabilitation", "mental_disorder", "veteran", "key_youth",
};
G_STATIC_ASSERT (G_N_ELEMENTS (tag_names) == WG_SEED_N_TAGS);

/* Nationalities of foreign residents: per mille, and the name style. */
typedef enum { NAMES_KOREAN, NAMES_JAPANESE, NAMES_ENGLISH, NAMES_RUSSIAN, NAMES_FRENCH,
               NAMES_GERMAN, NAMES_ASIAN } WgSeedNameStyle;

static const struct {
  const char      *name;
  guint            per_mille;
  WgSeedNameStyle  style;
} nationalities[] = {
  { "韩国", 300, NAMES_KOREAN }, { "日本", 150, NAMES_JAPANESE }, { "美国", 150, NAMES_ENGLISH },
  { "俄罗斯", 60, NAMES_RUSSIAN }, { "法国", 50, NAMES_FRENCH }, { "德国", 50, NAMES_GERMAN },
  { "英国", 50, NAMES_ENGLISH }, { "加拿大", 30, NAMES_ENGLISH }, { "澳大利亚", 30, NAMES_ENGLISH },
  { "新加坡", 30, NAMES_ASIAN }, { "意大利", 20, NAMES_GERMAN }, { "马来西亚", 20, NAMES_ASIAN },
  { "蒙古", 20, NAMES_RUSSIAN }, { "巴基斯坦", 15, NAMES_ASIAN }, { "泰国", 15, NAMES_ASIAN },
  { "越南", 10, NAMES_ASIAN },
};

/* [style][0 family, 1 male given, 2 female given], four each. */
static const char * const foreign_names[][3][4] = {
  { { "Kim", "Lee", "Park", "Choi" }, { "Min-jun", "Ji-ho", "Do-yun", "Seo-jun" },
    { "Seo-yeon", "Ha-eun", "Ji-woo", "Soo-ah" } },
  { { "Sato", "Suzuki", "Takahashi", "Tanaka" }, { "Hiroshi", "Haruto", "Kenji", "Takumi" },
    { "Yuki", "Aoi", "Sakura", "Yui" } },
  { { "Smith", "Johnson", "Brown", "Taylor" }, { "James", "Oliver", "William", "Henry" },
    { "Emma", "Sophia", "Olivia", "Grace" } },
  { { "Ivanov", "Smirnov", "Popov", "Sokolov" }, { "Alexei", "Dmitri", "Ivan", "Sergei" },
    { "Anna", "Elena", "Olga", "Maria" } },
  { { "Martin", "Bernard", "Dubois", "Moreau" }, { "Louis", "Hugo", "Jules", "Lucas" },
    { "Camille", "Chloe", "Lea", "Manon" } },
  { { "Muller", "Schmidt", "Rossi", "Fischer" }, { "Lukas", "Leon", "Marco", "Felix" },
    { "Mia", "Hannah", "Giulia", "Lena" } },
  { { "Tan", "Khan", "Nguyen", "Somchai" }, { "Wei Ming", "Ahmed", "Minh", "Arif" },
    { "Siti", "Aisha", "Linh", "Mali" } },
};

static guint
wg_seed_nationality (guint draw)
{
  for (guint i = 0; i < G_N_ELEMENTS (nationalities); i++)
    {
      if (draw < nationalities[i].per_mille)
        return i;
      draw -= nationalities[i].per_mille;
    }
  return 0;
}

static const WgSeedGrid *
wg_seed_house_grid (WgSeed  *self,
                    guint32  house)
{
  return g_ptr_array_index (self->grids, g_array_index (self->houses, WgSeedHouse, house).grid);
}

static const char *
wg_seed_household_path (WgSeed  *self,
                        guint32  household)
{
  return wg_seed_house_grid (self, g_array_index (self->households, WgSeedHousehold, household).house)->path;
}

/* 北房, …, 后罩房, 北房2, … */
static void
wg_seed_courtyard_room (guint    room,
                        GString *out)
{
  guint round = (room - 1) / G_N_ELEMENTS (courtyard_rooms);

  g_string_append (out, courtyard_rooms[(room - 1) % G_N_ELEMENTS (courtyard_rooms)]);
  if (round > 0)
    g_string_append_printf (out, "%u", round + 1);
}

/* 东城区东华门街道多福巷12号3号楼2单元502, or …多福巷12号院东厢房. */
static void
wg_seed_house_address (const WgSeedGrid  *grid,
                       const WgSeedHouse *house,
                       GString           *address,
                       GString           *room)
{
  g_string_truncate (room, 0);
  if (house->building == 0)
    wg_seed_courtyard_room (house->room, room);
  else
    g_string_append_printf (room, "%u", house->room);
  g_string_printf (address, "东城区%s%s%u号", grid->street_name, grid->lane, house->number);
  if (house->building == 0)
    g_string_append_printf (address, "院%s", room->str);
  else
    g_string_append_printf (address, "%u号楼%u单元%s", house->building, house->unit, room->str);
}

gboolean
_wg_seed_copy_houses (WgSeed  *self,
                      GError **error)
{
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "house",
    "id, path, address, building, unit, room, point, use, floor_area, created_at, updated_at", error);
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GString) room = g_string_new (NULL);

  if (copy == NULL)
    return FALSE;
  for (guint i = 0; i < self->houses->len; i++)
    {
      const WgSeedHouse *house = &g_array_index (self->houses, WgSeedHouse, i);
      const WgSeedGrid *grid = g_ptr_array_index (self->grids, house->grid);

      wg_seed_house_address (grid, house, address, room);
      wg_seed_copy_int (copy, self->house_base + i);
      wg_seed_copy_text (copy, grid->path);
      wg_seed_copy_text (copy, address->str);
      if (house->building == 0)
        {
          wg_seed_copy_null (copy);
          wg_seed_copy_null (copy);
        }
      else
        {
          wg_seed_copy_int (copy, house->building);
          wg_seed_copy_int (copy, house->unit);
        }
      wg_seed_copy_text (copy, room->str);
      wg_seed_copy_point (copy, house->x, house->y);
      wg_seed_copy_text (copy, house_uses[house->use]);
      wg_seed_copy_printf (copy, "%.2f", (double) house->floor_area);
      if (!_wg_seed_copy_end_dated_row (self, copy, error))
        return FALSE;
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "house", error);
}

gboolean
_wg_seed_copy_households (WgSeed  *self,
                          GError **error)
{
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "household",
    "id, path, house_id, kind, created_at, updated_at", error);

  if (copy == NULL)
    return FALSE;
  for (guint i = 0; i < self->households->len; i++)
    {
      const WgSeedHousehold *household = &g_array_index (self->households, WgSeedHousehold, i);

      wg_seed_copy_int (copy, self->household_base + i);
      wg_seed_copy_text (copy, wg_seed_house_grid (self, household->house)->path);
      wg_seed_copy_int (copy, self->house_base + household->house);
      wg_seed_copy_text (copy, household->collective ? "collective" : "family");
      if (!_wg_seed_copy_end_dated_row (self, copy, error))
        return FALSE;
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "household", error);
}

/* ------------------------------------------------------------ ID numbers */

static guint
wg_seed_u64_hash (gconstpointer key)
{
  guint64 value = GPOINTER_TO_SIZE (key);

  value ^= value >> 33;
  value *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  value ^= value >> 33;
  return (guint) value;
}

/* The address code at issue: registered residents born before the 2010
 * merger were numbered by 东城区 (110101) or, in the southern streets, by
 * 崇文区 (110103); some moved in from elsewhere in Beijing (宣武区 110104
 * among them) or from the provinces. */
static const char *
wg_seed_address_code (WgSeed             *self,
                      WgSeedRandom       *random,
                      const WgSeedPerson *person,
                      const WgSeedGrid   *grid)
{
  GDate birth;

  if (person->status == WG_SEED_FLOATING)
    return wg_seed_reference_origin (self->reference, random);
  g_date_set_julian (&birth, person->birth);
  if (g_date_get_year (&birth) >= 2010 || wg_seed_random_chance (random, 0.8))
    return g_date_get_year (&birth) < 2010 && grid->street_number >= 11 ? "110103" : "110101";
  if (wg_seed_random_chance (random, 0.4))
    return wg_seed_reference_origin (self->reference, random);
  if (wg_seed_random_chance (random, 0.2))
    return "110104";
  return wg_seed_reference_beijing (self->reference, random);
}

/* A GB 11643 number unique in this run: the sequence (digits 15–17) is
 * drawn again while the first 17 digits are taken; its last digit is odd
 * for men. */
static void
wg_seed_id_number (WgSeed             *self,
                   WgSeedRandom       *random,
                   GHashTable         *taken,
                   const WgSeedPerson *person,
                   const char         *address_code,
                   char                number[19])
{
  GDate birth;
  guint64 prefix = 0;
  guint sequence = 0;

  g_date_set_julian (&birth, person->birth);
  for (guint attempt = 0; attempt < 1500; attempt++)
    {
      sequence = attempt < 500 ? wg_seed_random_below (random, 500) * 2 + (person->male ? 1 : 0)
                               : ((attempt - 500) % 500) * 2 + (person->male ? 1 : 0);
      g_snprintf (number, 18, "%s%04u%02u%02u%03u", address_code, g_date_get_year (&birth),
                  g_date_get_month (&birth), g_date_get_day (&birth), sequence);
      prefix = g_ascii_strtoull (number, NULL, 10);
      if (!g_hash_table_contains (taken, GSIZE_TO_POINTER (prefix)))
        break;
    }
  g_hash_table_add (taken, GSIZE_TO_POINTER (prefix));
  number[17] = wg_id_number_check_char (number);
  number[18] = '\0';
}

static void
wg_seed_copy_id_number (WgSeed     *self,
                        WgSeedCopy *copy,
                        const char *number)
{
  g_autoptr(GBytes) cipher = wg_protect_encrypt_id (self->protect, number);
  g_autofree char *masked = wg_id_number_mask (number);
  guint8 blind[WG_BLIND_INDEX_BYTES];
  gsize length;
  const guint8 *data = g_bytes_get_data (cipher, &length);

  wg_protect_blind_index (self->protect, number, blind);
  wg_seed_copy_bytea (copy, data, length);
  wg_seed_copy_bytea (copy, blind, sizeof blind);
  wg_seed_copy_text (copy, masked);
}

static void
wg_seed_foreign_name (WgSeedRandom       *random,
                      const WgSeedPerson *person,
                      GString            *name)
{
  WgSeedNameStyle style = nationalities[wg_seed_nationality (person->surname)].style;
  const char *family = foreign_names[style][0][wg_seed_random_below (random, 4)];
  const char *given = foreign_names[style][person->male ? 1 : 2][wg_seed_random_below (random, 4)];

  if (style == NAMES_KOREAN || style == NAMES_JAPANESE)
    g_string_printf (name, "%s %s", family, given);
  else
    g_string_printf (name, "%s %s", given, family);
}

/* Identity columns of a Chinese citizen: name, ethnicity, ID number. */
static void
wg_seed_copy_citizen (WgSeed             *self,
                      WgSeedCopy         *copy,
                      WgSeedRandom       *random,
                      GHashTable         *taken,
                      const WgSeedPerson *person,
                      GString            *name)
{
  guint32 house = g_array_index (self->households, WgSeedHousehold, person->household).house;
  const WgSeedGrid *grid = wg_seed_house_grid (self, house);
  const char *address_code = wg_seed_address_code (self, random, person, grid);
  char number[19];
  char phone[12];
  int age = (int) ((self->today - person->birth) / 365.2425);

  g_string_assign (name, wg_seed_reference_surname_text (self->reference, person->surname));
  wg_seed_reference_given (self->reference, random, person->male, name);
  wg_seed_id_number (self, random, taken, person, address_code, number);
  wg_seed_copy_text (copy, name->str);
  wg_seed_copy_text (copy, person->male ? "male" : "female");
  wg_seed_copy_date (copy, person->birth);
  wg_seed_copy_text (copy, ethnicities[person->ethnicity]);
  wg_seed_phone (random, phone);
  wg_seed_copy_text (copy, age >= 12 && wg_seed_random_chance (random, 0.92) ? phone : NULL);
  wg_seed_copy_id_number (self, copy, number);
  wg_seed_copy_text (copy, statuses[person->status]);
  wg_seed_copy_text (copy, address_code);
  wg_seed_copy_null (copy);
  sodium_memzero (number, sizeof number);
}

static void
wg_seed_copy_foreigner (WgSeedCopy         *copy,
                        WgSeedRandom       *random,
                        const WgSeedPerson *person,
                        GString            *name)
{
  char phone[12];

  wg_seed_foreign_name (random, person, name);
  wg_seed_copy_text (copy, name->str);
  wg_seed_copy_text (copy, person->male ? "male" : "female");
  wg_seed_copy_date (copy, person->birth);
  wg_seed_copy_null (copy);
  wg_seed_phone (random, phone);
  wg_seed_copy_text (copy, wg_seed_random_chance (random, 0.7) ? phone : NULL);
  wg_seed_copy_null (copy);
  wg_seed_copy_null (copy);
  wg_seed_copy_null (copy);
  wg_seed_copy_text (copy, statuses[WG_SEED_FOREIGN]);
  wg_seed_copy_null (copy);
  wg_seed_copy_text (copy, nationalities[wg_seed_nationality (person->surname)].name);
}

gboolean
_wg_seed_copy_persons (WgSeed  *self,
                       GError **error)
{
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "person",
    "id, path, name, sex, birth_date, ethnicity, phone, id_cipher, id_blind, id_masked,"
    " residence_status, origin_code, nationality, created_at, updated_at", error);
  g_autoptr(GHashTable) taken = g_hash_table_new (wg_seed_u64_hash, g_direct_equal);
  g_autoptr(GString) name = g_string_new (NULL);
  WgSeedRandom random;

  if (copy == NULL)
    return FALSE;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_PERSON);
  for (guint i = 0; i < self->persons->len; i++)
    {
      const WgSeedPerson *person = &g_array_index (self->persons, WgSeedPerson, i);

      wg_seed_copy_int (copy, self->person_base + i);
      wg_seed_copy_text (copy, wg_seed_household_path (self, person->household));
      if (person->status == WG_SEED_FOREIGN)
        wg_seed_copy_foreigner (copy, &random, person, name);
      else
        wg_seed_copy_citizen (self, copy, &random, taken, person, name);
      if (!_wg_seed_copy_end_dated_row (self, copy, error))
        return FALSE;
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "person", error);
}

gboolean
_wg_seed_copy_members (WgSeed  *self,
                       GError **error)
{
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "household_member",
    "person_id, household_id, path, relation", error);

  if (copy == NULL)
    return FALSE;
  for (guint i = 0; i < self->persons->len; i++)
    {
      const WgSeedPerson *person = &g_array_index (self->persons, WgSeedPerson, i);

      wg_seed_copy_int (copy, self->person_base + i);
      wg_seed_copy_int (copy, self->household_base + person->household);
      wg_seed_copy_text (copy, wg_seed_household_path (self, person->household));
      wg_seed_copy_text (copy, relations[person->relation]);
      if (!wg_seed_copy_end_row (copy, error))
        return FALSE;
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "household_member", error);
}

/* Registered heads mostly own their flat; everyone else rents or lives
 * with the head. */
static const char *
wg_seed_residence_kind (WgSeedRandom          *random,
                        const WgSeedPerson    *person,
                        const WgSeedHousehold *household)
{
  if (person->relation != WG_SEED_HEAD)
    return household->collective ? "tenant" : "resident";
  if (person->status == WG_SEED_REGISTERED && wg_seed_random_chance (random, 0.8))
    return "owner";
  return "tenant";
}

gboolean
_wg_seed_copy_residences (WgSeed  *self,
                          GError **error)
{
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "residence",
    "person_id, house_id, path, kind, from_date, to_date", error);
  WgSeedRandom random;

  if (copy == NULL)
    return FALSE;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_HOUSE);
  for (guint i = 0; i < self->persons->len; i++)
    {
      const WgSeedPerson *person = &g_array_index (self->persons, WgSeedPerson, i);
      const WgSeedHousehold *household = &g_array_index (self->households, WgSeedHousehold,
                                                         person->household);

      wg_seed_copy_int (copy, self->person_base + i);
      wg_seed_copy_int (copy, self->house_base + household->house);
      wg_seed_copy_text (copy, wg_seed_house_grid (self, household->house)->path);
      wg_seed_copy_text (copy, wg_seed_residence_kind (&random, person, household));
      wg_seed_copy_date (copy, person->moved_in);
      wg_seed_copy_null (copy);
      if (!wg_seed_copy_end_row (copy, error))
        return FALSE;
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "residence", error);
}

/* ------------------------------------------------------------------ tags */

static guint32
wg_seed_between (WgSeedRandom *random,
                 guint32       from,
                 guint32       to)
{
  return to <= from ? from : from + wg_seed_random_below (random, to - from + 1);
}

/* From and to dates of a tag: when it began and, for the time-bound ones
 * (correction, post-release help, rehabilitation, key youth), when it ends. */
static void
wg_seed_tag_dates (WgSeed             *self,
                   WgSeedRandom       *random,
                   const WgSeedPerson *person,
                   WgSeedTag           tag,
                   guint32            *from,
                   guint32            *to)
{
  guint32 year = 365;
  guint32 birth = person->birth;

  *to = 0;
  switch (tag)
    {
    case WG_SEED_TAG_ELDERLY_ALONE:
      *from = wg_seed_between (random, MAX (birth + 65 * year, self->today - 10 * year), self->today);
      break;
    case WG_SEED_TAG_DISABILITY:
    case WG_SEED_TAG_MENTAL_DISORDER:
      *from = wg_seed_between (random, MAX (birth + (tag == WG_SEED_TAG_MENTAL_DISORDER ? 15 : 0) * year,
                                            self->today - 30 * year), self->today);
      break;
    case WG_SEED_TAG_VETERAN:
      *from = birth + wg_seed_random_int (random, 22, 30) * year;
      *from = MIN (*from, self->today);
      break;
    case WG_SEED_TAG_KEY_YOUTH:
      *from = wg_seed_between (random, MAX (birth + 14 * year, self->today - 2 * year), self->today);
      *to = birth + 26 * year;
      break;
    case WG_SEED_TAG_COMMUNITY_CORRECTION:
      *from = wg_seed_between (random, self->today - 3 * year, self->today);
      *to = *from + wg_seed_random_int (random, 6, 36) * 30;
      break;
    case WG_SEED_TAG_RELEASED_PRISONER:
    case WG_SEED_TAG_DRUG_REHABILITATION:
      *from = wg_seed_between (random, self->today - 5 * year, self->today);
      *to = *from + (tag == WG_SEED_TAG_RELEASED_PRISONER ? 5 : 3) * year;
      break;
    default:
      *from = wg_seed_between (random, MAX (birth, self->today - 8 * year), self->today);
      break;
    }
  *from = MAX (*from, birth);
}

gboolean
_wg_seed_copy_tags (WgSeed  *self,
                    GError **error)
{
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "person_tag",
    "person_id, path, tag, from_date, to_date", error);
  WgSeedRandom random;

  if (copy == NULL)
    return FALSE;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_TAG);
  for (guint i = 0; i < self->persons->len; i++)
    {
      const WgSeedPerson *person = &g_array_index (self->persons, WgSeedPerson, i);

      for (guint tag = 0; tag < WG_SEED_N_TAGS; tag++)
        {
          guint32 from, to;

          if ((person->tags & (1 << tag)) == 0)
            continue;
          wg_seed_tag_dates (self, &random, person, tag, &from, &to);
          wg_seed_copy_int (copy, self->person_base + i);
          wg_seed_copy_text (copy, wg_seed_household_path (self, person->household));
          wg_seed_copy_text (copy, tag_names[tag]);
          wg_seed_copy_date (copy, from);
          wg_seed_copy_date (copy, to != 0 ? MAX (to, from) : 0);
          if (!wg_seed_copy_end_row (copy, error))
            return FALSE;
        }
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "person_tag", error);
}
