/* test-server-records-private.h — helpers shared by the records tests
 * (every kind of common/wg-record-kind.h but people) */
#pragma once

#include "test-server-people-private.h"

/* A point and a small outline inside GRID_1, and the second grid of the
 * same community (the grid account cannot see it). */
#define POINT_1 "[116.3933, 39.9213]"
#define OUTLINE_1 \
  "{\"type\": \"Polygon\", \"coordinates\": [[[116.3913, 39.9207], [116.3919, 39.9207]," \
  " [116.3919, 39.9212], [116.3913, 39.9207]]]}"

/* One kind's case: a valid create body for the community account in GRID_1
 * (%s: a word that makes it unique), a PATCH of one text field and the
 * value it sets. */
typedef struct {
  const char *kind;
  const char *create;
  const char *patch_field;
  const char *patch_value;
} RecordCase;

extern const RecordCase record_cases[];
extern const guint n_record_cases;

/* A valid unified social credit code ending in @sequence. */
char           *records_credit_code   (guint          sequence);
/* /api/v1/@kind/@id@suffix (@id 0: /api/v1/@kind@suffix) */
char           *records_path          (const char    *kind,
                                       gint64         id,
                                       const char    *suffix);
/* POST /api/v1/@kind as @token, asserted 201; the record. */
JsonNode       *records_create        (Fixture       *fixture,
                                       const char    *token,
                                       const char    *kind,
                                       const char    *body);
gint64          records_create_id     (Fixture       *fixture,
                                       const char    *token,
                                       const char    *kind,
                                       const char    *body);
/* The create body of @record_case with @word filled in. */
char           *records_case_body     (const RecordCase *record_case,
                                       const char    *word);
/* Sets the "grid" of a create body to @grid, and its "point" or
 * "geometry", if any, to one inside that grid. */
void            records_place_in_grid (Fixture       *fixture,
                                       JsonObject    *object,
                                       const char    *grid);
/* GET @path as @token, asserted 200; the answer's object. */
JsonNode       *records_get_ok        (Fixture       *fixture,
                                       const char    *path,
                                       const char    *token);
gint64          records_member_int    (JsonNode      *root,
                                       const char    *member);
const char     *records_member_string (JsonNode      *root,
                                       const char    *member);

void test_records_chains         (Fixture *fixture, gconstpointer data);
void test_records_links          (Fixture *fixture, gconstpointer data);
void test_records_geojson        (Fixture *fixture, gconstpointer data);
void test_records_search         (Fixture *fixture, gconstpointer data);
void test_records_diary          (Fixture *fixture, gconstpointer data);
void test_records_paging         (Fixture *fixture, gconstpointer data);

/* test-server-records-rules.c */
void wg_test_add_records_rules_tests (void);
