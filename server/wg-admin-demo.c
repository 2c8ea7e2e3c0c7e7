#define G_LOG_DOMAIN "wg-admin-demo"

#include "config.h"

#include <stdlib.h>

#include "wg-admin-demo.h"
#include "wg-admin-users.h"
#include "wg-pg.h"

static const WgAdminNewUser demo_users[] = {
  { "admin", "王磊", "110101", "admin", "110101" },
  { "leader", "刘建国", "110101", "leader", "110101" },
  { "dispatcher", "张伟", "110101", "dispatcher", "110101" },
  { "street", "陈静", "110101001", "street", "110101.001" },
  { "community", "赵敏", "110101001001", "community", "110101.001.001" },
  { "grid", "刘洋", "110101001001", "grid", "110101.001.001.001" },
  { "dept", "孙强", "110101-cgzf", "department", "110101" },
  { "auditor", "周芳", "110101", "auditor", "110101" },
};

/* Centers and workstations take the code of their region; departments sit
 * at the district. */
static const char demo_units_sql[] =
  "WITH new_units (code, name, kind, region_code) AS ("
  "  SELECT code, name || '网格化服务管理中心', 'district_center', code"
  "    FROM regions WHERE level = 'district' AND code = '110101'"
  "  UNION ALL"
  "  SELECT code, name || '网格化服务管理分中心', 'street_center', code"
  "    FROM regions WHERE level = 'street' AND path <@ '110101'::ltree"
  "  UNION ALL"
  "  SELECT code, name || '工作站', 'community_station', code"
  "    FROM regions WHERE level = 'community' AND path <@ '110101'::ltree"
  "  UNION ALL"
  "  SELECT code, name, 'department', '110101' FROM (VALUES"
  "    ('110101-cgzf', '区城市管理综合行政执法局'),"
  "    ('110101-zjw', '区住房和城市建设委员会'),"
  "    ('110101-ylj', '区园林绿化局'),"
  "    ('110101-scjg', '区市场监督管理局'),"
  "    ('110101-cgw', '区城市管理委员会'),"
  "    ('110101-mzj', '区民政局'),"
  "    ('110101-sfj', '区司法局'),"
  "    ('110101-wjw', '区卫生健康委员会'),"
  "    ('110101-gafj', '东城公安分局'),"
  "    ('110101-xfzd', '区消防救援支队')) AS d (code, name)"
  "   WHERE EXISTS (SELECT FROM regions WHERE code = '110101'))"
  " INSERT INTO units (code, name, kind, region_code)"
  " SELECT code, name, kind, region_code FROM new_units"
  " ON CONFLICT (code) DO NOTHING";

gboolean
wg_admin_demo_load_units (PGconn  *conn,
                          int     *inserted,
                          GError **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn, demo_units_sql, 0, NULL, error);

  if (result == NULL)
    return FALSE;
  if (inserted != NULL)
    *inserted = atoi (PQcmdTuples (result));
  return TRUE;
}

/* The demo usernames already present, so that only the others are hashed. */
static GHashTable *
wg_admin_demo_existing_users (PGconn  *conn,
                              GError **error)
{
  g_autoptr(GHashTable) existing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PGresult) result = NULL;

  result = wg_pg_exec (conn, "SELECT username FROM users", 0, NULL, error);
  if (result == NULL)
    return NULL;
  for (int row = 0; row < PQntuples (result); row++)
    g_hash_table_add (existing, g_strdup (PQgetvalue (result, row, 0)));
  return g_steal_pointer (&existing);
}

gboolean
wg_admin_demo_load_users (PGconn  *conn,
                          int     *created,
                          GError **error)
{
  g_autoptr(GHashTable) existing = wg_admin_demo_existing_users (conn, error);
  int count = 0;

  if (existing == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (demo_users); i++)
    {
      if (g_hash_table_contains (existing, demo_users[i].username))
        continue;
      if (!wg_admin_user_create (conn, &demo_users[i], WG_ADMIN_DEMO_PASSWORD, NULL, error))
        {
          g_prefix_error (error, "Demo user %s: ", demo_users[i].username);
          return FALSE;
        }
      count++;
    }
  if (created != NULL)
    *created = count;
  return TRUE;
}
