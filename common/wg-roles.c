#define G_LOG_DOMAIN "wg-roles"

#include "config.h"

#include "wg-error.h"
#include "wg-roles.h"

static const struct {
  WgRole role;
  const char *name;
} role_names[] = {
  { WG_ROLE_ADMIN, "admin" },
  { WG_ROLE_LEADER, "leader" },
  { WG_ROLE_DISPATCHER, "dispatcher" },
  { WG_ROLE_STREET, "street" },
  { WG_ROLE_COMMUNITY, "community" },
  { WG_ROLE_GRID, "grid" },
  { WG_ROLE_DEPARTMENT, "department" },
  { WG_ROLE_AUDITOR, "auditor" },
};

static const char * const page_names[] = {
  [WG_PAGE_MAP] = "map",
  [WG_PAGE_TASKS] = "tasks",
  [WG_PAGE_CASES] = "cases",
  [WG_PAGE_RECORDS] = "records",
  [WG_PAGE_DIARY] = "diary",
  [WG_PAGE_DASHBOARD] = "dashboard",
  [WG_PAGE_ADMINISTRATION] = "administration",
};

G_STATIC_ASSERT (G_N_ELEMENTS (page_names) == WG_PAGE_LAST + 1);

#define ALL_OPERATIONAL (WG_ROLE_ADMIN | WG_ROLE_LEADER | WG_ROLE_DISPATCHER | \
                         WG_ROLE_STREET | WG_ROLE_COMMUNITY | WG_ROLE_GRID | \
                         WG_ROLE_DEPARTMENT)

/* Which roles see which page.  The auditor's duty is separate (DESIGN §2):
 * the audit trail under Administration, and the map for orientation. */
static const guint page_roles[] = {
  [WG_PAGE_MAP] = ALL_OPERATIONAL | WG_ROLE_AUDITOR,
  [WG_PAGE_TASKS] = WG_ROLE_LEADER | WG_ROLE_DISPATCHER | WG_ROLE_STREET |
                    WG_ROLE_COMMUNITY | WG_ROLE_GRID | WG_ROLE_DEPARTMENT,
  [WG_PAGE_CASES] = WG_ROLE_LEADER | WG_ROLE_DISPATCHER | WG_ROLE_STREET |
                    WG_ROLE_COMMUNITY | WG_ROLE_GRID | WG_ROLE_DEPARTMENT,
  [WG_PAGE_RECORDS] = WG_ROLE_ADMIN | WG_ROLE_DISPATCHER | WG_ROLE_STREET |
                      WG_ROLE_COMMUNITY | WG_ROLE_GRID,
  [WG_PAGE_DIARY] = WG_ROLE_STREET | WG_ROLE_COMMUNITY | WG_ROLE_GRID,
  [WG_PAGE_DASHBOARD] = WG_ROLE_LEADER | WG_ROLE_DISPATCHER | WG_ROLE_STREET,
  [WG_PAGE_ADMINISTRATION] = WG_ROLE_ADMIN | WG_ROLE_AUDITOR,
};

/* Which roles have which permission (the records API's table). */
static const guint permission_roles[] = {
  [WG_PERMISSION_RECORDS_READ] = WG_ROLE_ADMIN | WG_ROLE_DISPATCHER | WG_ROLE_STREET |
                                 WG_ROLE_COMMUNITY | WG_ROLE_GRID,
  [WG_PERMISSION_RECORDS_WRITE] = WG_ROLE_ADMIN | WG_ROLE_STREET | WG_ROLE_COMMUNITY |
                                  WG_ROLE_GRID,
  [WG_PERMISSION_REVEAL_ID_NUMBER] = WG_ROLE_ADMIN | WG_ROLE_STREET | WG_ROLE_COMMUNITY,
  [WG_PERMISSION_STAFF_WRITE] = WG_ROLE_ADMIN | WG_ROLE_STREET | WG_ROLE_COMMUNITY,
  [WG_PERMISSION_DIARY_WRITE] = WG_ROLE_ADMIN | WG_ROLE_STREET | WG_ROLE_COMMUNITY | WG_ROLE_GRID,
};

G_STATIC_ASSERT (G_N_ELEMENTS (permission_roles) == WG_PERMISSION_LAST + 1);

const char *
wg_role_to_string (WgRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (role_names[i].role == role)
      return role_names[i].name;
  return NULL;
}

gboolean
wg_role_from_string (const char *name,
                     WgRole     *role)
{
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_str_equal (role_names[i].name, name))
        {
          *role = role_names[i].role;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
wg_roles_from_strv (const char * const *names,
                    guint              *mask,
                    GError            **error)
{
  guint result = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      WgRole role;

      if (!wg_role_from_string (names[i], &role))
        {
          wg_set_field_error (error, "roles", "Unknown role “%s”", names[i]);
          return FALSE;
        }
      result |= role;
    }
  *mask = result;
  return TRUE;
}

const char *
wg_page_to_string (WgPage page)
{
  if ((guint) page > WG_PAGE_LAST)
    return NULL;
  return page_names[page];
}

gboolean
wg_roles_may_use_page (guint  role_mask,
                       WgPage page)
{
  if ((guint) page > WG_PAGE_LAST)
    return FALSE;
  return (page_roles[page] & role_mask) != 0;
}

gboolean
wg_roles_may (guint        role_mask,
              WgPermission permission)
{
  if ((guint) permission > WG_PERMISSION_LAST)
    return FALSE;
  return (permission_roles[permission] & role_mask) != 0;
}
