/* wg-roles.h — roles and what each may use
 *
 * A user has one or more roles; a role decides which pages of the client
 * are shown and which actions the server allows.  Scope (which territory)
 * is separate: it is the user's path in the region tree.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WG_ROLE_ADMIN = 1 << 0,           /* "admin": district administrator */
  WG_ROLE_LEADER = 1 << 1,          /* "leader": district leadership */
  WG_ROLE_DISPATCHER = 1 << 2,      /* "dispatcher": district command center */
  WG_ROLE_STREET = 1 << 3,          /* "street": street sub-center dispatcher */
  WG_ROLE_COMMUNITY = 1 << 4,       /* "community": community workstation staff */
  WG_ROLE_GRID = 1 << 5,            /* "grid": grid staff (the seven forces) */
  WG_ROLE_DEPARTMENT = 1 << 6,      /* "department": functional department handler */
  WG_ROLE_AUDITOR = 1 << 7,         /* "auditor": reads the audit trail */
} WgRole;

typedef enum {
  WG_PAGE_MAP,
  WG_PAGE_TASKS,
  WG_PAGE_CASES,
  WG_PAGE_RECORDS,
  WG_PAGE_DIARY,
  WG_PAGE_DASHBOARD,
  WG_PAGE_ADMINISTRATION,
} WgPage;

#define WG_PAGE_LAST WG_PAGE_ADMINISTRATION

/* What a role may do on the server (checked per action, besides scope). */
typedef enum {
  WG_PERMISSION_RECORDS_READ,       /* read people and other base records */
  WG_PERMISSION_RECORDS_WRITE,      /* create, update, delete them */
  WG_PERMISSION_REVEAL_ID_NUMBER,   /* see an ID number in clear (audited) */
  WG_PERMISSION_STAFF_WRITE,        /* assign the grids' staff */
  WG_PERMISSION_DIARY_WRITE,        /* keep a diary of one's rounds */
} WgPermission;

#define WG_PERMISSION_LAST WG_PERMISSION_DIARY_WRITE

const char *wg_role_to_string   (WgRole       role);
gboolean    wg_role_from_string (const char  *name,
                                 WgRole      *role);
/* Parses a list of role names into a mask; unknown names are an error. */
gboolean    wg_roles_from_strv  (const char * const *names,
                                 guint              *mask,
                                 GError            **error);

const char *wg_page_to_string   (WgPage       page);
gboolean    wg_roles_may_use_page (guint      role_mask,
                                   WgPage     page);
/* TRUE when one of the roles of @role_mask has @permission. */
gboolean    wg_roles_may        (guint         role_mask,
                                 WgPermission  permission);

G_END_DECLS
