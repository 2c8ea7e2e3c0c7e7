/* wg-record-rules.h — the decisions of the record kinds' pages, without
 * widgets
 *
 * How a field's value reads in a list or a form, what a typed text sends
 * (through common's wg_record_field_parse(), so that the client refuses
 * what the server would), which translated message a field shows, what a
 * role may do.  Plain functions: tests call them without a display.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wg-record-kind.h"

G_BEGIN_DECLS

/* The translated label of a kind, a field, a choice value (unknown values
 * as given). */
const char *wg_record_kind_get_label       (const WgRecordKind *kind);
const char *wg_record_field_get_label      (const WgFieldSpec  *field);
const char *wg_record_choice_label         (const WgFieldSpec  *field,
                                            const char         *value);

/* The value as a list or a summary shows it: a choice by its label, a
 * number with at most two decimals, a boolean as yes/no, a grid by its
 * name, a point as "lon, lat", a polygon as its number of vertices, a list
 * joined; "" for null or absent (@value may be NULL). */
char       *wg_record_format_value         (const WgFieldSpec  *field,
                                            JsonNode           *value);
/* The text an entry row starts with: as above, but a choice or a grid
 * is its wire value. */
char       *wg_record_edit_text            (const WgFieldSpec  *field,
                                            JsonNode           *value);

/* The value @text means for @field ("" is null), checked and normalised by
 * wg_record_field_parse(); NULL with its error otherwise. */
JsonNode   *wg_record_field_from_text      (const WgFieldSpec  *field,
                                            const char         *text,
                                            GError            **error);
/* The translated message a form shows on @field when @text fails
 * (@error from wg_record_field_from_text() or the server). */
char       *wg_record_field_message        (const WgFieldSpec  *field,
                                            const char         *text,
                                            const GError       *error);

/* Whether two values are the same (NULL and null alike). */
gboolean    wg_record_values_equal         (JsonNode           *a,
                                            JsonNode           *b);

/* What a user may do with @kind (WgRole mask); the server decides. */
gboolean    wg_record_kind_may_read        (const WgRecordKind *kind,
                                            guint               role_mask);
gboolean    wg_record_kind_may_write       (const WgRecordKind *kind,
                                            guint               role_mask);

/* A number with thousands separators ("12,345"). */
char       *wg_record_format_count         (gint64              count);
/* "12,345 houses": the translated count of @kind's records. */
char       *wg_record_count_text           (const WgRecordKind *kind,
                                            gint64              count);

/* The translated label of a residence kind (owner, tenant, resident). */
const char *wg_record_residence_label      (const char         *kind);
extern const char * const wg_record_residence_kinds[];

G_END_DECLS
