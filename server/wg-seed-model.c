#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include "wg-seed-private.h"

/* The houses of a grid, handed out one by one: compounds (门牌号) that are
 * either courtyards (平房院: rooms only) or blocks of flats (building → unit
 * → floor → door). */
typedef struct {
  const WgSeedGrid *grid;
  guint32           grid_index;
  guint32           number;
  guint16           buildings, units, floors, doors;
  guint16           building, unit, floor, door;   /* door 0: compound used up */
  guint16           rooms, room;                   /* courtyards */
  double            compound_x, compound_y, x, y;
} WgSeedHouseCursor;

/* Population share of each grid type (residential, commercial,
 * institutional, crowded), per square metre. */
static const double people_factors[4] = { 1.0, 0.25, 0.3, 0.35 };

/* Household sizes 1–6: registered households average 2.6 persons. */
static const double registered_sizes[] = { 22, 30, 27, 11, 7, 3 };
static const double floating_sizes[] = { 40, 30, 20, 10 };
static const double foreign_sizes[] = { 60, 30, 10 };
/* Ethnic groups of Beijing's population (per cent, rounded). */
static const double ethnicity_shares[] = { 95.7, 2.3, 1.5, 0.2, 0.1, 0.1, 0.05, 0.05 };

static gboolean
wg_seed_old_street (guint street_number)
{
  /* The hutong quarters: 东华门 … 东四 in the north, 前门 … 东花市 in the south. */
  return street_number <= 6 || (street_number >= 11 && street_number <= 13);
}

static void
wg_seed_cursor_new_compound (WgSeedHouseCursor *cursor,
                             WgSeedRandom      *random)
{
  gboolean old = wg_seed_old_street (cursor->grid->street_number);

  cursor->number++;
  wg_seed_grid_sample (cursor->grid, random, &cursor->compound_x, &cursor->compound_y);
  cursor->x = cursor->compound_x;
  cursor->y = cursor->compound_y;
  if (wg_seed_random_chance (random, old ? 0.55 : 0.12))
    {
      cursor->buildings = 0;
      cursor->rooms = (guint16) wg_seed_random_int (random, 3, 12);
      cursor->room = 1;
      cursor->door = 1;
      return;
    }
  cursor->buildings = (guint16) wg_seed_random_int (random, 1, old ? 3 : 6);
  cursor->units = (guint16) wg_seed_random_int (random, 1, 4);
  cursor->floors = (guint16) (wg_seed_random_chance (random, 0.7) ? wg_seed_random_int (random, 4, 6)
                                                                    : wg_seed_random_int (random, 9, 20));
  cursor->doors = (guint16) wg_seed_random_int (random, 2, 4);
  cursor->building = cursor->unit = cursor->floor = cursor->door = 1;
  wg_seed_grid_near (cursor->grid, random, 40, &cursor->x, &cursor->y);
}

/* Moves to the next door, the next floor, unit, building; 0 when the
 * compound is used up. */
static void
wg_seed_cursor_advance (WgSeedHouseCursor *cursor,
                        WgSeedRandom      *random)
{
  if (cursor->buildings == 0)
    {
      cursor->door = ++cursor->room <= cursor->rooms ? 1 : 0;
      return;
    }
  if (++cursor->door <= cursor->doors)
    return;
  cursor->door = 1;
  if (++cursor->floor <= cursor->floors)
    return;
  cursor->floor = 1;
  if (++cursor->unit <= cursor->units)
    return;
  cursor->unit = 1;
  if (++cursor->building <= cursor->buildings)
    {
      cursor->x = cursor->compound_x;
      cursor->y = cursor->compound_y;
      wg_seed_grid_near (cursor->grid, random, 40, &cursor->x, &cursor->y);
      return;
    }
  cursor->door = 0;
}

static float
wg_seed_floor_area (WgSeedRandom *random,
                    gboolean      courtyard,
                    guint8        use)
{
  double area;

  if (use != 0)
    area = wg_seed_random_int (random, 20, 300);
  else if (courtyard)
    area = wg_seed_random_int (random, 12, 40);
  else
    area = wg_seed_random_int (random, 35, 140);
  return (float) (area + wg_seed_random_below (random, 100) / 100.0);
}

/* Appends the next house of the grid; returns its index. */
static guint32
wg_seed_cursor_take (WgSeed            *self,
                     WgSeedHouseCursor *cursor,
                     WgSeedRandom      *random,
                     guint8             use)
{
  WgSeedHouse house = { 0 };

  if (cursor->door == 0)
    wg_seed_cursor_new_compound (cursor, random);
  house.grid = cursor->grid_index;
  house.number = cursor->number;
  house.building = cursor->buildings == 0 ? 0 : cursor->building;
  house.unit = cursor->buildings == 0 ? 0 : cursor->unit;
  house.room = cursor->buildings == 0 ? cursor->room : (guint16) (cursor->floor * 100 + cursor->door);
  house.use = use;
  house.floor_area = wg_seed_floor_area (random, cursor->buildings == 0, use);
  house.x = cursor->x;
  house.y = cursor->y;
  g_array_append_val (self->houses, house);
  wg_seed_cursor_advance (cursor, random);
  return self->houses->len - 1;
}

/* A function, not CLAMP: arguments that draw random numbers must be
 * evaluated once.  For the same reason no call below passes two arguments
 * that both draw: C leaves their order to the compiler, and the seed must
 * mean the same data whatever the compiler and its flags. */
static int
wg_seed_clamp (int value,
               int low,
               int high)
{
  return value < low ? low : value > high ? high : value;
}

static guint32
wg_seed_birth (WgSeed       *self,
               WgSeedRandom *random,
               int           age)
{
  return self->today - (guint32) (MAX (age, 0) * 365.2425) - wg_seed_random_below (random, 365);
}

static guint32
wg_seed_add_person (WgSeed          *self,
                    WgSeedRandom    *random,
                    WgSeedHousehold *household,
                    WgSeedRelation   relation,
                    gboolean         male,
                    int              age,
                    guint            surname,
                    guint            ethnicity)
{
  WgSeedPerson person = { 0 };

  person.household = self->households->len;
  person.birth = wg_seed_birth (self, random, age);
  person.surname = (guint16) surname;
  person.male = male;
  person.relation = relation;
  person.status = household->status;
  person.ethnicity = (guint8) ethnicity;
  g_array_append_val (self->persons, person);
  household->size++;
  return self->persons->len - 1;
}

static int
wg_seed_person_age (WgSeed       *self,
                    WgSeedPerson *person)
{
  return (int) ((self->today - person->birth) / 365.2425);
}

/* Tags that depend on age and sex alone. */
static void
wg_seed_tag_person (WgSeed       *self,
                    WgSeedRandom *random,
                    WgSeedPerson *person)
{
  int age = wg_seed_person_age (self, person);

  if (wg_seed_random_chance (random, 0.004 + 0.0004 * age))
    person->tags |= 1 << WG_SEED_TAG_DISABILITY;
  if (age >= 18 && age <= 65 && wg_seed_random_chance (random, 0.0007))
    person->tags |= 1 << WG_SEED_TAG_COMMUNITY_CORRECTION;
  if (person->male && age >= 25 && age <= 70 && wg_seed_random_chance (random, 0.002))
    person->tags |= 1 << WG_SEED_TAG_RELEASED_PRISONER;
  if (age >= 18 && age <= 60 && wg_seed_random_chance (random, 0.0004))
    person->tags |= 1 << WG_SEED_TAG_DRUG_REHABILITATION;
  if (age >= 15 && wg_seed_random_chance (random, 0.004))
    person->tags |= 1 << WG_SEED_TAG_MENTAL_DISORDER;
  if (person->male && age >= 35 && wg_seed_random_chance (random, 0.03))
    person->tags |= 1 << WG_SEED_TAG_VETERAN;
  if (age >= 14 && age <= 25 && wg_seed_random_chance (random, 0.01))
    person->tags |= 1 << WG_SEED_TAG_KEY_YOUTH;
}

/* Children, grandchildren and the head's parent, up to @size members. */
static void
wg_seed_add_relatives (WgSeed          *self,
                       WgSeedRandom    *random,
                       WgSeedHousehold *household,
                       guint            size,
                       int              head_age,
                       guint            family_surname,
                       guint            ethnicity)
{
  if (household->size < size && size >= 4 && head_age <= 65 && wg_seed_random_chance (random, 0.35))
    {
      gboolean father = wg_seed_random_chance (random, 0.4);
      int age = wg_seed_clamp (head_age + wg_seed_random_int (random, 24, 34), 0, 100);
      guint surname = father ? family_surname : wg_seed_reference_surname (self->reference, random);

      wg_seed_add_person (self, random, household, WG_SEED_PARENT, father, age, surname, ethnicity);
    }
  while (household->size < size)
    {
      gboolean male = wg_seed_random_chance (random, 0.51);

      if (head_age < 20)
        wg_seed_add_person (self, random, household, WG_SEED_OTHER, male,
                            wg_seed_random_int (random, 16, 30), family_surname, ethnicity);
      else if (head_age >= 52 && household->size >= 3 && wg_seed_random_chance (random, 0.5))
        wg_seed_add_person (self, random, household, WG_SEED_GRANDCHILD, male,
                            wg_seed_clamp (head_age - wg_seed_random_int (random, 48, 62), 0, 100),
                            family_surname, ethnicity);
      else
        wg_seed_add_person (self, random, household, WG_SEED_CHILD, male,
                            wg_seed_clamp (head_age - wg_seed_random_int (random, 22, 38), 0, 100),
                            family_surname, ethnicity);
    }
}

/* A family: head, usually a spouse, then relatives. */
static void
wg_seed_compose_family (WgSeed          *self,
                        WgSeedRandom    *random,
                        WgSeedHousehold *household,
                        guint            size)
{
  gboolean registered = household->status == WG_SEED_REGISTERED;
  gboolean elderly = registered && size == 1 && wg_seed_random_chance (random, 0.44);
  int head_age = elderly ? wg_seed_random_int (random, 65, 95)
                 : registered ? wg_seed_random_int (random, size == 1 ? 20 : 26, size == 1 ? 64 : 85)
                 : wg_seed_random_int (random, 20, 55);
  gboolean male = wg_seed_random_chance (random, size == 1 ? 0.45 : 0.62);
  guint ethnicity = wg_seed_random_pick (random, ethnicity_shares, G_N_ELEMENTS (ethnicity_shares));
  guint head_surname = wg_seed_reference_surname (self->reference, random);
  guint family_surname = head_surname;
  guint32 head = wg_seed_add_person (self, random, household, WG_SEED_HEAD, male, head_age,
                                     head_surname, ethnicity);

  if (elderly)
    g_array_index (self->persons, WgSeedPerson, head).tags |= 1 << WG_SEED_TAG_ELDERLY_ALONE;
  if (size >= 2 && (size == 2 || wg_seed_random_chance (random, 0.85)))
    {
      guint spouse_surname = wg_seed_reference_surname (self->reference, random);
      int age = wg_seed_clamp (head_age + wg_seed_random_int (random, male ? -6 : -2, male ? 2 : 6), 20, 100);
      guint spouse_ethnicity = wg_seed_random_chance (random, 0.9)
                               ? ethnicity
                               : wg_seed_random_pick (random, ethnicity_shares, G_N_ELEMENTS (ethnicity_shares));

      wg_seed_add_person (self, random, household, WG_SEED_SPOUSE, !male, age, spouse_surname,
                          spouse_ethnicity);
      family_surname = male ? head_surname : spouse_surname;
    }
  wg_seed_add_relatives (self, random, household, size, head_age, family_surname, ethnicity);
}

/* Workers sharing a dormitory or a rented flat (集体户). */
static void
wg_seed_compose_collective (WgSeed          *self,
                            WgSeedRandom    *random,
                            WgSeedHousehold *household,
                            guint            size)
{
  for (guint i = 0; i < size; i++)
    {
      gboolean male = wg_seed_random_chance (random, 0.6);
      int age = wg_seed_random_int (random, 18, 45);
      guint surname = wg_seed_reference_surname (self->reference, random);
      guint ethnicity = wg_seed_random_pick (random, ethnicity_shares, G_N_ELEMENTS (ethnicity_shares));

      wg_seed_add_person (self, random, household, i == 0 ? WG_SEED_HEAD : WG_SEED_OTHER, male, age,
                          surname, ethnicity);
    }
}

/* Foreign residents: the surname field holds a draw in 0–999 that the
 * person stage maps to a nationality, the same for the whole household. */
static void
wg_seed_compose_foreign (WgSeed          *self,
                         WgSeedRandom    *random,
                         WgSeedHousehold *household,
                         guint            size,
                         guint            nationality)
{
  int head_age = wg_seed_random_int (random, 22, 65);
  gboolean male = wg_seed_random_chance (random, 0.6);

  wg_seed_add_person (self, random, household, WG_SEED_HEAD, male, head_age, nationality, 0);
  if (size >= 2)
    wg_seed_add_person (self, random, household, WG_SEED_SPOUSE, !male,
                        wg_seed_clamp (head_age + wg_seed_random_int (random, -5, 5), 20, 90), nationality, 0);
  while (household->size < size)
    {
      gboolean child_male = wg_seed_random_chance (random, 0.5);
      int age = wg_seed_clamp (head_age - wg_seed_random_int (random, 24, 40), 0, 100);

      wg_seed_add_person (self, random, household, WG_SEED_CHILD, child_male, age, nationality, 0);
    }
}

static guint
wg_seed_draw_size (WgSeedRandom *random,
                   WgSeedStatus  status,
                   gboolean      busy_grid,
                   gboolean     *collective)
{
  *collective = FALSE;
  switch (status)
    {
    case WG_SEED_REGISTERED:
      return 1 + wg_seed_random_pick (random, registered_sizes, G_N_ELEMENTS (registered_sizes));
    case WG_SEED_FLOATING:
      if (wg_seed_random_chance (random, busy_grid ? 0.06 : 0.02))
        {
          *collective = TRUE;
          return (guint) wg_seed_random_int (random, 4, 8);
        }
      return 1 + wg_seed_random_pick (random, floating_sizes, G_N_ELEMENTS (floating_sizes));
    default:
      return 1 + wg_seed_random_pick (random, foreign_sizes, G_N_ELEMENTS (foreign_sizes));
    }
}

/* When the household moved in; its members' birth dates bound it below. */
static void
wg_seed_move_in (WgSeed          *self,
                 WgSeedRandom    *random,
                 WgSeedHousehold *household)
{
  guint years = household->status == WG_SEED_REGISTERED ? 40 : household->status == WG_SEED_FLOATING ? 6 : 4;
  guint32 start = self->today - years * 365;
  guint32 moved_in = start + wg_seed_random_below (random, years * 365);

  for (guint32 i = household->first_person; i < household->first_person + household->size; i++)
    {
      WgSeedPerson *person = &g_array_index (self->persons, WgSeedPerson, i);

      person->moved_in = MAX (moved_in, person->birth);
    }
}

static void
wg_seed_add_household (WgSeed            *self,
                       WgSeedRandom      *random,
                       WgSeedHouseCursor *cursor,
                       WgSeedStatus       status,
                       guint             *remaining)
{
  gboolean busy = cursor->grid->type == WG_SEED_GRID_COMMERCIAL || cursor->grid->type == WG_SEED_GRID_CROWDED;
  WgSeedHousehold household = { 0 };
  gboolean collective;
  guint drawn = wg_seed_draw_size (random, status, busy, &collective);
  guint size = MIN (drawn, *remaining);

  household.status = status;
  household.collective = collective;
  household.first_person = self->persons->len;
  household.house = wg_seed_cursor_take (self, cursor, random, 0);
  if (status == WG_SEED_FOREIGN)
    wg_seed_compose_foreign (self, random, &household, size, wg_seed_random_below (random, 1000));
  else if (collective)
    wg_seed_compose_collective (self, random, &household, size);
  else
    wg_seed_compose_family (self, random, &household, size);
  wg_seed_move_in (self, random, &household);
  if (status == WG_SEED_REGISTERED && wg_seed_random_chance (random, 0.012))
    for (guint32 i = household.first_person; i < household.first_person + household.size; i++)
      g_array_index (self->persons, WgSeedPerson, i).tags |= 1 << WG_SEED_TAG_LOW_INCOME;
  for (guint32 i = household.first_person; i < household.first_person + household.size; i++)
    wg_seed_tag_person (self, random, &g_array_index (self->persons, WgSeedPerson, i));
  *remaining -= household.size;
  g_array_append_val (self->households, household);
}

/* The households of one grid, statuses interleaved in proportion to what
 * remains, then empty flats and shops. */
static void
wg_seed_build_grid (WgSeed       *self,
                    WgSeedRandom *random,
                    guint32       grid_index,
                    guint         quotas[3])
{
  WgSeedHouseCursor cursor = { 0 };
  gboolean busy;
  guint first_household = self->households->len;
  guint n_households;
  guint n_vacant;
  guint n_shops;

  cursor.grid = g_ptr_array_index (self->grids, grid_index);
  cursor.grid_index = grid_index;
  busy = cursor.grid->type == WG_SEED_GRID_COMMERCIAL || cursor.grid->type == WG_SEED_GRID_CROWDED;
  while (quotas[0] + quotas[1] + quotas[2] > 0)
    {
      double weights[3] = { quotas[0], quotas[1], quotas[2] };
      guint status = wg_seed_random_pick (random, weights, 3);

      wg_seed_add_household (self, random, &cursor, status, &quotas[status]);
    }
  n_households = self->households->len - first_household;
  n_vacant = (guint) (n_households * 0.07 + wg_seed_random_double (random));
  n_shops = (guint) (n_households * (busy ? 0.3 : 0.03) + wg_seed_random_double (random));
  for (guint i = 0; i < n_vacant; i++)
    wg_seed_cursor_take (self, &cursor, random, 0);
  for (guint i = 0; i < n_shops; i++)
    wg_seed_cursor_take (self, &cursor, random, (guint8) wg_seed_random_int (random, 1, 3));
}

gboolean
_wg_seed_build_model (WgSeed  *self,
                      GError **error)
{
  g_autofree guint *registered = _wg_seed_split (self, self->plan.registered, people_factors);
  g_autofree guint *floating = _wg_seed_split (self, self->plan.floating, people_factors);
  g_autofree guint *foreign = _wg_seed_split (self, self->plan.foreign, people_factors);
  WgSeedRandom random;

  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_MODEL);
  for (guint32 g = 0; g < self->grids->len; g++)
    {
      guint quotas[3] = { registered[g], floating[g], foreign[g] };

      wg_seed_build_grid (self, &random, g, quotas);
    }
  return TRUE;
}
