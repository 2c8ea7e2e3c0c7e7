#define G_LOG_DOMAIN "wg-engine"

#include "config.h"

#include <string.h>

#include "wg-engine-private.h"
#include "wg-engine-summary.h"
#include "wg-error.h"
#include "wg-person-input.h"
#include "wg-pg.h"
#include "wg-record-kind.h"
#include "wg-roles.h"

typedef struct {
  WgEngineJob  base;
  char        *code;
  GBytes      *body;
} SummaryJob;

/* A current region the user may see (RLS on regions: path <@ scope). */
static const char region_sql[] =
  "SELECT path::text, level FROM regions"
  " WHERE code = $1::text AND (valid_to IS NULL OR valid_to > current_date)";

/* Runs with the scope narrowed to the region, so that each count is the
 * policy's own indexed "path <@ scope" and nothing else.  $1 the code,
 * $2 the special-group tags and $3 the forces in their order (both
 * comma-separated), $4 whether the region is a grid (staff are a grid's),
 * $5 whether it is a grid or a community.
 * A tag counts its people while it holds (no end or an end not yet past),
 * as the people list's tag filter does.
 *
 * The diary: in a grid or a community ($5) one scan of the region's
 * entries counts both (about 2 ms, where the follow-up index, a b-tree
 * that cannot serve the scope's <@, is read whole: 10 ms); in a street or
 * the district the date and follow-up indexes do better than the scan.
 * Of the two branches only the one whose one-time filter holds runs. */
static const char summary_sql[] =
  "WITH diary AS ("
  "  SELECT count(*) FILTER (WHERE d.entry_date > current_date - 30"
  "                            AND d.entry_date <= current_date) AS recent,"
  "         count(*) FILTER (WHERE d.follow_up) AS follow_ups"
  "  FROM diary_entry d WHERE $5::boolean"
  "  UNION ALL"
  "  SELECT (SELECT count(*) FROM diary_entry d"
  "          WHERE d.entry_date > current_date - 30 AND d.entry_date <= current_date),"
  "         (SELECT count(*) FROM diary_entry d WHERE d.follow_up)"
  "  WHERE NOT $5::boolean) "
  "SELECT json_build_object("
  " 'region', (SELECT json_build_object('code', r.code, 'name', r.name, 'level', r.level,"
  "              'community_name', (SELECT n.name FROM wg_region_names(ARRAY[substr(r.code, 1, 12)]) n"
  "                                 WHERE r.level = 'grid'),"
  "              'street_name', (SELECT n.name FROM wg_region_names(ARRAY[substr(r.code, 1, 9)]) n"
  "                              WHERE r.level IN ('grid', 'community')))"
  "            FROM regions r WHERE r.code = $1::text),"
  " 'counts', (SELECT json_build_object("
  "    'people', count(*),"
  "    'registered', count(*) FILTER (WHERE p.residence_status = 'registered'),"
  "    'floating', count(*) FILTER (WHERE p.residence_status = 'floating'),"
  "    'foreign', count(*) FILTER (WHERE p.residence_status = 'foreign'),"
  "    'households', (SELECT count(*) FROM household),"
  "    'houses', (SELECT count(*) FROM house),"
  "    'land_parcels', (SELECT count(*) FROM land_parcel),"
  "    'components', (SELECT count(*) FROM component),"
  "    'organizations', (SELECT count(*) FROM organization),"
  "    'underground_spaces', (SELECT count(*) FROM underground_space),"
  "    'diary_entries_30d', (SELECT sum(recent) FROM diary),"
  "    'follow_ups', (SELECT sum(follow_ups) FROM diary))"
  "    FROM person p),"
  " 'special_groups', (SELECT json_object_agg(g.tag, coalesce(c.n, 0) ORDER BY g.i)"
  "    FROM unnest(string_to_array($2::text, ',')) WITH ORDINALITY AS g (tag, i)"
  "    LEFT JOIN (SELECT t.tag, count(DISTINCT t.person_id) AS n FROM person_tag t"
  "               WHERE t.to_date IS NULL OR t.to_date >= current_date"
  "               GROUP BY t.tag) c ON c.tag = g.tag),"
  " 'staff', coalesce((SELECT json_agg(json_build_object("
  "      'id', s.id, 'force', s.force, 'name', s.name, 'phone', s.phone)"
  "      ORDER BY array_position(string_to_array($3::text, ','), s.force), s.name, s.id)"
  "    FROM grid_staff s"
  "    WHERE $4::boolean AND (s.to_date IS NULL OR s.to_date >= current_date)), '[]'::json)"
  ")::text";

static void
summary_job_free (gpointer data)
{
  SummaryJob *job = data;

  _wg_engine_job_clear (&job->base);
  g_clear_pointer (&job->body, g_bytes_unref);
  g_free (job->code);
  g_free (job);
}

/* The forces of grid-staff in the order of the kind's choices. */
static char *
staff_forces (void)
{
  const WgRecordKind *kind = wg_record_kind_lookup ("grid-staff");
  const WgFieldSpec *force = kind != NULL ? wg_record_kind_field (kind, "force") : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (const WgChoice *choice = force != NULL ? force->choices : NULL;
       choice != NULL && choice->value != NULL; choice++)
    g_strv_builder_add (builder, choice->value);
  names = g_strv_builder_end (builder);
  return g_strjoinv (",", names);
}

static gboolean
authorize (PGconn      *conn,
           SummaryJob  *job,
           GError     **error)
{
  if (!_wg_engine_authenticate (conn, &job->base.settings, job->base.token, &job->base.actor,
                                error))
    return FALSE;
  if (wg_roles_may (wg_user_get_role_mask (job->base.actor.user), WG_PERMISSION_RECORDS_READ))
    return TRUE;
  g_set_error_literal (error, WG_ERROR, WG_ERROR_FORBIDDEN,
                       "Your role does not allow reading the records of a region");
  return FALSE;
}

/* The region's path and level; not-found when it is not a
 * current region of the user's territory. */
static gboolean
find_region (PGconn      *conn,
             const char  *code,
             char       **path,
             char       **level,
             GError     **error)
{
  const char *params[] = { code };
  g_autoptr(PGresult) result = wg_pg_exec (conn, region_sql, 1, params, error);

  if (result == NULL)
    return FALSE;
  if (PQntuples (result) == 0)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_NOT_FOUND,
                   "There is no region %s in your territory", code);
      return FALSE;
    }
  *path = g_strdup (PQgetvalue (result, 0, 0));
  *level = g_strdup (PQgetvalue (result, 0, 1));
  return TRUE;
}

static gboolean
wg_engine_region_summary_job (PGconn   *conn,
                              gpointer  data,
                              GError  **outcome,
                              GError  **error)
{
  SummaryJob *job = data;
  g_autofree char *path = NULL;
  g_autofree char *tags = g_strjoinv (",", (GStrv) wg_person_tags ());
  g_autofree char *forces = staff_forces ();
  g_autofree char *level = NULL;
  g_autoptr(PGresult) result = NULL;
  const char *params[5];

  if (!authorize (conn, job, error) || !find_region (conn, job->code, &path, &level, error))
    return FALSE;
  /* The region lies inside the scope (RLS showed it): narrowing the scope
   * to it for the rest of this read-only transaction changes no answer and
   * lets each table's path index find the region's rows. */
  if (!_wg_engine_set_actor (conn, job->base.actor.user_id, path, error))
    return FALSE;
  params[0] = job->code;
  params[1] = tags;
  params[2] = forces;
  params[3] = g_str_equal (level, "grid") ? "true" : "false";
  params[4] = g_str_equal (level, "grid") || g_str_equal (level, "community") ? "true" : "false";
  result = wg_pg_exec (conn, summary_sql, G_N_ELEMENTS (params), params, error);
  if (result == NULL)
    return FALSE;
  job->body = g_bytes_new (PQgetvalue (result, 0, 0), PQgetlength (result, 0, 0));
  return TRUE;
}

void
wg_engine_region_summary_async (WgEngine            *self,
                                const char          *token,
                                const char          *code,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  SummaryJob *job;

  g_return_if_fail (WG_IS_ENGINE (self));
  g_return_if_fail (code != NULL);

  job = g_new0 (SummaryJob, 1);
  _wg_engine_job_init (&job->base, self, token);
  job->code = g_strdup (code);
  _wg_engine_run (self, WG_DB_JOB_TRANSACTION, wg_engine_region_summary_job, job,
                  summary_job_free, wg_engine_region_summary_async, cancellable, callback,
                  user_data);
}

GBytes *
wg_engine_region_summary_finish (WgEngine      *self,
                                 GAsyncResult  *result,
                                 gint64        *user_id,
                                 GError       **error)
{
  SummaryJob *job = _wg_engine_finish_job (self, result, wg_engine_region_summary_async, user_id,
                                           error);

  return job != NULL ? g_bytes_ref (job->body) : NULL;
}
