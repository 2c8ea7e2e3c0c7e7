/* wg-record-kind.h — the kinds of records besides people, described once
 *
 * Households, houses, land parcels, components, organizations, underground
 * spaces, grid staff and diary entries share one shape: a row in the grid
 * of its path, fields of a few types, a version for If-Match.  Each kind is
 * described here by a table of fields; the server builds its SQL from it,
 * the client its lists and forms, and both check input with the same
 * wg_record_input_parse(), so that a field's rule lives in one place.
 *
 * Field and kind names are the wire names (JSON members, URL segments,
 * CSV headers); labels are English, marked for translation (the client
 * shows them through gettext).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wg-roles.h"

G_BEGIN_DECLS

typedef enum {
  WG_FIELD_TEXT,         /* a string of 1..max_chars characters */
  WG_FIELD_CHOICE,       /* one of the field's choices */
  WG_FIELD_DECIMAL,      /* a number with at most two decimals, min < x < max */
  WG_FIELD_INTEGER,      /* a whole number, min ≤ x ≤ max */
  WG_FIELD_DATE,         /* "YYYY-MM-DD" */
  WG_FIELD_BOOLEAN,
  WG_FIELD_PHONE,        /* stored as its digits (wg_normalize_phone) */
  WG_FIELD_CREDIT_CODE,  /* GB 32100; upper-cased */
  WG_FIELD_CLASS_CODE,   /* a component class: 4 digits, 01xx..06xx */
  WG_FIELD_POINT,        /* [longitude, latitude], WGS-84 (the server finds its grid) */
  WG_FIELD_POLYGON,      /* a GeoJSON Polygon or MultiPolygon, WGS-84 */
  WG_FIELD_GRID,         /* the code of a grid (its path on the server) */
  WG_FIELD_REFERENCE,    /* the id of a record of the kind named .reference */
  WG_FIELD_TEXT_LIST,    /* an array of up to 10 strings of 1..max_chars */
} WgFieldType;

typedef enum {
  WG_FIELD_REQUIRED = 1 << 0,   /* a create must give it; an update cannot clear it */
  WG_FIELD_READ_ONLY = 1 << 1,  /* the server sets it; input must not send it */
  WG_FIELD_LIST = 1 << 2,       /* a column of the list */
  WG_FIELD_FILTER = 1 << 3,     /* a filter of the list (choices and grids) */
  WG_FIELD_TITLE = 1 << 4,      /* what names the record (one per kind) */
} WgFieldFlags;

typedef struct {
  const char *value;   /* wire name */
  const char *label;   /* English, translatable */
} WgChoice;

typedef struct {
  const char     *name;        /* wire name, and the column's unless .column */
  const char     *label;       /* English, translatable */
  WgFieldType     type;
  guint           flags;       /* WgFieldFlags */
  guint           max_chars;   /* TEXT, TEXT_LIST (each item) */
  double          min;         /* DECIMAL (exclusive), INTEGER (inclusive) */
  double          max;
  const WgChoice *choices;     /* CHOICE: ends with { NULL, NULL } */
  const char     *reference;   /* REFERENCE: the kind's name */
  const char     *column;      /* the SQL column when not .name */
} WgFieldSpec;

/* What the list's q parameter searches. */
typedef enum {
  WG_SEARCH_NONE,
  WG_SEARCH_ADDRESS,       /* houses: address, through its bigram index */
  WG_SEARCH_NAME,          /* organizations: name (bigrams) or exact credit code */
  WG_SEARCH_TEXT,          /* a substring of the title field (small tables) */
} WgSearch;

typedef struct {
  const char        *name;          /* URL segment: "houses" */
  const char        *table;         /* SQL table: "house" */
  const char        *label;         /* "Houses" */
  const char        *singular;      /* "House" */
  const WgFieldSpec *fields;
  guint              n_fields;
  WgSearch           search;
  const char        *search_hint;   /* English placeholder of the search field */
  gboolean           has_geometry;  /* GeoJSON of the list (a POINT or POLYGON field) */
  WgPermission       read;
  WgPermission       write;
  gboolean           author_only;   /* only the author updates or deletes (diary) */
  const char        *date_field;    /* the DATE field of the from/to filters, or NULL */
} WgRecordKind;

/* Every kind, in the order of the records page; NULL-terminated. */
const WgRecordKind * const *wg_record_kinds         (void);
const WgRecordKind         *wg_record_kind_lookup   (const char          *name);
const WgFieldSpec          *wg_record_kind_field    (const WgRecordKind  *kind,
                                                     const char          *name);
/* The field flagged WG_FIELD_TITLE. */
const WgFieldSpec          *wg_record_kind_title    (const WgRecordKind  *kind);
/* The label of @value among @field's choices; NULL when not one. */
const char                 *wg_field_choice_label   (const WgFieldSpec   *field,
                                                     const char          *value);

/* Reads the body of a create (@patch FALSE: required fields must be
 * there) or an update (@patch TRUE: any subset; null clears an optional
 * field) and answers a new object holding exactly the members it gave,
 * each checked and normalised: phones as digits, credit codes upper-case,
 * decimals as JSON numbers, points as [lon, lat] rounded to 7 decimals,
 * polygons as MultiPolygon.  A member the kind does not have, or one the
 * server sets, is an error naming it; so is an empty update. */
JsonObject *wg_record_input_parse (const WgRecordKind  *kind,
                                   JsonObject          *body,
                                   gboolean             patch,
                                   GError             **error);

/* Checks one field's value as wg_record_input_parse does and answers its
 * normalised form (a new node), or NULL with an error naming the field.
 * JSON null is refused for a required field and kept for another. */
JsonNode   *wg_record_field_parse (const WgFieldSpec   *field,
                                   JsonNode            *value,
                                   GError             **error);

G_END_DECLS
