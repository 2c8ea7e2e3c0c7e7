/* wg-seed-private.h — the parts of the seed generator (wg-seed-*.c) */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

#include "wg-seed.h"

G_BEGIN_DECLS

/* ------------------------------------------------ random (wg-seed-random.c)
 *
 * xoshiro256** seeded through splitmix64: fixed algorithms, so that a seed
 * means the same data on every platform and GLib version (GRand and rand()
 * promise neither).  Each stage draws from its own stream, so that changing
 * one stage does not move the others. */
typedef struct {
  guint64 state[4];
} WgSeedRandom;

void      wg_seed_random_init   (WgSeedRandom *self,
                                 guint64       seed,
                                 guint64       stream);
guint64   wg_seed_random_next   (WgSeedRandom *self);
/* Uniform in [0, @bound); @bound > 0. */
guint32   wg_seed_random_below  (WgSeedRandom *self,
                                 guint32       bound);
/* Uniform in [@low, @high]. */
int       wg_seed_random_int    (WgSeedRandom *self,
                                 int           low,
                                 int           high);
/* Uniform in [0, 1). */
double    wg_seed_random_double (WgSeedRandom *self);
gboolean  wg_seed_random_chance (WgSeedRandom *self,
                                 double        probability);
/* An index into @weights (non-negative, not all zero). */
guint     wg_seed_random_pick   (WgSeedRandom *self,
                                 const double *weights,
                                 guint         n_weights);

/* Cumulative weights for many draws from one long table. */
typedef struct _WgSeedWeights WgSeedWeights;

WgSeedWeights *wg_seed_weights_new  (void);
void           wg_seed_weights_add  (WgSeedWeights *self,
                                     double         weight);
guint          wg_seed_weights_pick (WgSeedWeights *self,
                                     WgSeedRandom  *random);
void           wg_seed_weights_free (WgSeedWeights *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgSeedWeights, wg_seed_weights_free)

/* --------------------------------------------------- COPY (wg-seed-copy.c)
 *
 * A COPY FROM STDIN in text format, rows built in a buffer that is sent
 * every megabyte. */
typedef struct _WgSeedCopy WgSeedCopy;

WgSeedCopy *wg_seed_copy_begin   (PGconn      *conn,
                                  const char  *table,
                                  const char  *columns,
                                  GError     **error);
/* Fields of the current row, in column order. */
void        wg_seed_copy_text    (WgSeedCopy  *self,
                                  const char  *value);   /* NULL → NULL */
void        wg_seed_copy_printf  (WgSeedCopy  *self,
                                  const char  *format,
                                  ...) G_GNUC_PRINTF (2, 3);  /* no escaping */
void        wg_seed_copy_int     (WgSeedCopy  *self,
                                  gint64       value);
void        wg_seed_copy_null    (WgSeedCopy  *self);
void        wg_seed_copy_bytea   (WgSeedCopy  *self,
                                  const guint8 *data,
                                  gsize         length);
void        wg_seed_copy_date    (WgSeedCopy  *self,
                                  guint32      julian);   /* 0 → NULL */
void        wg_seed_copy_point   (WgSeedCopy  *self,
                                  double       x,
                                  double       y);
gboolean    wg_seed_copy_end_row (WgSeedCopy  *self,
                                  GError     **error);
/* Ends the COPY; frees @self in every case. */
gboolean    wg_seed_copy_finish  (WgSeedCopy  *self,
                                  guint64     *rows,
                                  GError     **error);
/* Abandons an unfinished COPY. */
void        wg_seed_copy_free    (WgSeedCopy  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgSeedCopy, wg_seed_copy_free)

/* ----------------------------------------- territory (wg-seed-territory.c) */
typedef enum {
  WG_SEED_GRID_RESIDENTIAL,
  WG_SEED_GRID_COMMERCIAL,
  WG_SEED_GRID_INSTITUTIONAL,
  WG_SEED_GRID_CROWDED,
} WgSeedGridType;

typedef struct {
  char           *code;            /* 15 digits */
  char           *path;            /* ltree text */
  char           *street_name;     /* 东华门街道 */
  char           *community_name;  /* 多福巷社区 */
  char           *community_code;  /* 12 digits: its workstation's unit */
  char           *lane;            /* 多福巷胡同: the grid's addresses */
  guint           street_number;   /* 1–17 */
  guint           index_in_community;
  WgSeedGridType  type;
  double          area_m2;
  double          min_x, min_y, max_x, max_y;
  GArray         *ring_starts;     /* guint: first vertex of each ring */
  GArray         *vertices;        /* double x, y pairs */
} WgSeedGrid;

/* The grids in force, ordered by code. */
GPtrArray *wg_seed_grids_load     (PGconn           *conn,
                                   GError          **error);
gboolean   wg_seed_grid_contains  (const WgSeedGrid *grid,
                                   double            x,
                                   double            y);
/* A point inside @grid, rounded to 7 decimals (about 1 cm). */
void       wg_seed_grid_sample    (const WgSeedGrid *grid,
                                   WgSeedRandom     *random,
                                   double           *x,
                                   double           *y);
/* A point within @radius_m of (@x, @y) that is still inside @grid, or the
 * point itself. */
void       wg_seed_grid_near      (const WgSeedGrid *grid,
                                   WgSeedRandom     *random,
                                   double            radius_m,
                                   double           *x,
                                   double           *y);
/* TRUE when the box lies inside @grid (edges included). */
gboolean   wg_seed_grid_covers_box (const WgSeedGrid *grid,
                                    double            min_x,
                                    double            min_y,
                                    double            max_x,
                                    double            max_y);
/* Rounded to 7 decimals, as points are written. */
double     wg_seed_round7         (double            value);
/* Metres per degree of longitude and latitude around Dongcheng. */
#define WG_SEED_METRES_PER_DEGREE_X 85300.0
#define WG_SEED_METRES_PER_DEGREE_Y 111200.0

/* ----------------------------------------- reference (wg-seed-reference.c) */
typedef struct _WgSeedReference WgSeedReference;

WgSeedReference *wg_seed_reference_load     (const char      *data_dir,
                                             GError         **error);
void             wg_seed_reference_free     (WgSeedReference *self);
guint            wg_seed_reference_surname  (WgSeedReference *self,
                                             WgSeedRandom    *random);
const char      *wg_seed_reference_surname_text (WgSeedReference *self,
                                                 guint            surname);
/* Appends a given name of the sex to @name. */
void             wg_seed_reference_given    (WgSeedReference *self,
                                             WgSeedRandom    *random,
                                             gboolean         male,
                                             GString         *name);
/* A county code (6 digits) where people who move to Beijing come from. */
const char      *wg_seed_reference_origin   (WgSeedReference *self,
                                             WgSeedRandom    *random);
/* A county code of Beijing other than Dongcheng. */
const char      *wg_seed_reference_beijing  (WgSeedReference *self,
                                             WgSeedRandom    *random);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgSeedReference, wg_seed_reference_free)

/* A mobile number 1[3-9]xxxxxxxxx into @buffer (12 bytes). */
void  wg_seed_phone        (WgSeedRandom *random,
                            char          buffer[12]);
/* A whole Chinese name into @name (cleared first). */
void  wg_seed_person_name  (WgSeedReference *reference,
                            WgSeedRandom    *random,
                            gboolean         male,
                            GString         *name);

/* ------------------------------------------------- the run (wg-seed.c) */
typedef enum {
  WG_SEED_REGISTERED,
  WG_SEED_FLOATING,
  WG_SEED_FOREIGN,
} WgSeedStatus;

/* How much of everything a scale makes. */
typedef struct {
  guint  registered;
  guint  floating;
  guint  foreign;
  guint  land_parcels;
  guint  organizations;
  guint  components;
  guint  underground_spaces;
  guint  diary_days;
  double focus_weight;       /* extra weight of 多福巷社区's grids */
} WgSeedPlan;

typedef struct {
  guint32  grid;
  guint32  number;       /* 门牌号 in the grid's lane */
  guint16  building;     /* 0: a courtyard house (平房) */
  guint16  unit;
  guint16  room;         /* floor * 100 + door, or the courtyard room */
  guint8   use;
  float    floor_area;
  double   x, y;
} WgSeedHouse;

typedef struct {
  guint32  house;
  guint32  first_person;
  guint8   size;
  guint8   status;       /* WgSeedStatus */
  gboolean collective;
} WgSeedHousehold;

typedef struct {
  guint32  household;
  guint32  birth;        /* GDate julian day */
  guint32  moved_in;     /* julian day */
  guint16  surname;      /* index into the reference, or the nationality */
  guint16  tags;         /* 1 << WgSeedTag */
  guint8   male;
  guint8   relation;     /* WgSeedRelation */
  guint8   status;
  guint8   ethnicity;
} WgSeedPerson;

typedef struct {
  PGconn           *conn;
  WgProtect        *protect;
  WgSeedScale       scale;
  guint64           seed;
  WgSeedPlan        plan;
  guint32           today;       /* julian day of WG_SEED_TODAY_* */
  char             *created_at;  /* the records' created_at/updated_at */
  WgSeedReference  *reference;
  GPtrArray        *grids;       /* WgSeedGrid */
  GArray           *houses;      /* WgSeedHouse */
  GArray           *households;  /* WgSeedHousehold */
  GArray           *persons;     /* WgSeedPerson */
  GArray           *grid_authors; /* per grid: gint64 user ids [2] */
  GPtrArray        *author_names; /* per grid: their names [2] */
  GPtrArray        *index_definitions; /* dropped for the load, made again */
  /* First id of each table's new rows (ids are given, not drawn). */
  gint64            house_base, household_base, person_base, user_base;
  GArray           *imported;    /* WgSeedImported, for the audit rows */
} WgSeed;

typedef struct {
  const char *table;
  guint64     rows;
} WgSeedImported;

/* Stream number of each stage's random generator. */
enum {
  WG_SEED_STREAM_MODEL = 1,
  WG_SEED_STREAM_HOUSE,
  WG_SEED_STREAM_PERSON,
  WG_SEED_STREAM_TAG,
  WG_SEED_STREAM_LAND,
  WG_SEED_STREAM_COMPONENT,
  WG_SEED_STREAM_ORGANIZATION,
  WG_SEED_STREAM_UNDERGROUND,
  WG_SEED_STREAM_STAFF,
  WG_SEED_STREAM_DIARY,
  WG_SEED_STREAM_USERS,
};

/* Writes created_at and updated_at, the last two columns, and ends the row. */
gboolean  _wg_seed_copy_end_dated_row (WgSeed      *self,
                                       WgSeedCopy  *copy,
                                       GError     **error);
/* Ends the COPY of @table (freeing @copy) and records its rows for the audit. */
gboolean  _wg_seed_copy_close    (WgSeed      *self,
                                  WgSeedCopy  *copy,
                                  const char  *table,
                                  GError     **error);
/* Integer shares of @total per grid, in proportion to its area times the
 * factor of its type (residential, commercial, institutional, crowded). */
guint    *_wg_seed_split         (WgSeed       *self,
                                  guint         total,
                                  const double  type_factors[4]);
/* YYYY-MM-DD of a GDate julian day. */
void      _wg_seed_date_format   (guint32      julian,
                                  char         buffer[11]);

/* Stages, each in its file. */
gboolean  _wg_seed_build_model   (WgSeed *self, GError **error);   /* wg-seed-model.c */
gboolean  _wg_seed_copy_houses   (WgSeed *self, GError **error);   /* wg-seed-people.c */
gboolean  _wg_seed_copy_households (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_persons  (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_members  (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_residences (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_tags     (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_land     (WgSeed *self, GError **error);   /* wg-seed-places.c */
gboolean  _wg_seed_copy_components (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_organizations (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_underground (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_users    (WgSeed *self, GError **error);   /* wg-seed-staff.c */
gboolean  _wg_seed_copy_staff    (WgSeed *self, GError **error);
gboolean  _wg_seed_copy_diary    (WgSeed *self, GError **error);

/* Relations and tags as the schema spells them. */
typedef enum {
  WG_SEED_HEAD, WG_SEED_SPOUSE, WG_SEED_CHILD, WG_SEED_PARENT, WG_SEED_GRANDCHILD,
  WG_SEED_OTHER,
} WgSeedRelation;

typedef enum {
  WG_SEED_TAG_ELDERLY_ALONE, WG_SEED_TAG_DISABILITY, WG_SEED_TAG_LOW_INCOME,
  WG_SEED_TAG_COMMUNITY_CORRECTION, WG_SEED_TAG_RELEASED_PRISONER,
  WG_SEED_TAG_DRUG_REHABILITATION, WG_SEED_TAG_MENTAL_DISORDER, WG_SEED_TAG_VETERAN,
  WG_SEED_TAG_KEY_YOUTH, WG_SEED_N_TAGS,
} WgSeedTag;

G_END_DECLS
