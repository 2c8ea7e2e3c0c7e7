/* wg-person-input.h — the body of POST and PATCH /people, and the filters of
 * GET /people, read and checked field by field
 *
 * Parsing checks each field on its own (type, format, length) and names it
 * in the error; wg_person_input_check then checks the person as a whole
 * (the ID number against the birth date and sex, who may go without one)
 * once a PATCH has been laid over the stored values.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  WG_PERSON_NAME,
  WG_PERSON_SEX,
  WG_PERSON_BIRTH_DATE,
  WG_PERSON_ETHNICITY,
  WG_PERSON_PHONE,
  WG_PERSON_ID_NUMBER,
  WG_PERSON_RESIDENCE_STATUS,
  WG_PERSON_ORIGIN_CODE,
  WG_PERSON_NATIONALITY,
  WG_PERSON_GRID,
  WG_PERSON_N_FIELDS,
} WgPersonField;

typedef struct {
  char *tag;
  char *from;   /* YYYY-MM-DD */
  char *to;     /* YYYY-MM-DD or NULL */
} WgPersonTag;

typedef struct {
  /* Each field: present in the body (a PATCH changes only those), and its
   * value (NULL: cleared). */
  gboolean   present[WG_PERSON_N_FIELDS];
  char      *values[WG_PERSON_N_FIELDS];
  gboolean   tags_present;
  GPtrArray *tags;      /* WgPersonTag */
} WgPersonInput;

const char    *wg_person_field_name     (WgPersonField        field);
/* The special-group tags a person may carry, NULL-terminated. */
const char * const *wg_person_tags      (void);

WgPersonInput *wg_person_input_new      (void);
void           wg_person_input_free     (WgPersonInput       *input);
/* @patch FALSE: the required fields must be there (POST); TRUE: any
 * subset, null clears an optional field (PATCH). */
WgPersonInput *wg_person_input_parse    (JsonObject          *object,
                                         gboolean             patch,
                                         GError             **error);
WgPersonInput *wg_person_input_copy     (const WgPersonInput *input);
/* Sets field @field to @value (taking a copy) and marks it present. */
void           wg_person_input_set      (WgPersonInput       *input,
                                         WgPersonField        field,
                                         const char          *value);
/* Lays @patch over @base: the fields @patch holds replace those of @base. */
void           wg_person_input_apply    (WgPersonInput       *base,
                                         const WgPersonInput *patch);
/* The whole person: the ID number matches the birth date and the sex, and
 * only foreign residents go without one (checked when @require_id_number). */
gboolean       wg_person_input_check    (const WgPersonInput *input,
                                         gboolean             require_id_number,
                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgPersonInput, wg_person_input_free)

/* The filters of GET /people, already validated. */
typedef enum {
  WG_PEOPLE_SEARCH_NONE,
  WG_PEOPLE_SEARCH_ID_NUMBER,   /* 18 characters: exact, by blind index */
  WG_PEOPLE_SEARCH_PHONE,       /* digits only, at least 4: prefix */
  WG_PEOPLE_SEARCH_NAME,        /* two characters or more: bigrams */
  WG_PEOPLE_SEARCH_NAME_START,  /* one character: names that start with it */
} WgPeopleSearch;

typedef struct {
  char           *region;      /* region code, NULL: the whole scope */
  char           *status;
  char           *tag;
  char           *q;           /* normalised search text */
  WgPeopleSearch  search;
  char           *address;     /* where they live: 2 characters or more */
  gint64          after_id;    /* decoded cursor, 0 for the first page */
  guint           limit;
  gboolean        total;
} WgPeopleQuery;

void           wg_people_query_free     (WgPeopleQuery       *query);
WgPeopleQuery *wg_people_query_copy     (const WgPeopleQuery *query);
/* Reads region, status, tag, q, address, limit, cursor and total; a bad value is
 * WG_ERROR_INVALID_INPUT naming the parameter. */
WgPeopleQuery *wg_people_query_parse    (GHashTable          *params,
                                         GError             **error);
char          *wg_people_cursor_encode  (gint64               id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WgPeopleQuery, wg_people_query_free)

G_END_DECLS
