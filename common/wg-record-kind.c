#define G_LOG_DOMAIN "wg-common"

#include "config.h"

#include <string.h>

#include "wg-record-kind.h"

/* Labels are translated where they are shown (the client); here they are
 * only marked. */
#define N_(text) (text)

#define REQUIRED WG_FIELD_REQUIRED
#define READ_ONLY WG_FIELD_READ_ONLY
#define LIST WG_FIELD_LIST
#define FILTER WG_FIELD_FILTER
#define TITLE WG_FIELD_TITLE

/* ------------------------------------------------------------- choices */

static const WgChoice house_uses[] = {
  { "residential", N_("Residential") },
  { "commercial", N_("Commercial") },
  { "office", N_("Office") },
  { "mixed", N_("Mixed use") },
  { "public", N_("Public") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const WgChoice household_kinds[] = {
  { "family", N_("Family household") },
  { "collective", N_("Collective household") },
  { NULL, NULL },
};

static const WgChoice land_uses[] = {
  { "residential", N_("Residential") },
  { "commercial", N_("Commercial") },
  { "industrial", N_("Industrial") },
  { "public_service", N_("Public service") },
  { "green", N_("Green space") },
  { "road", N_("Road") },
  { "water", N_("Water") },
  { "heritage", N_("Heritage site") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const WgChoice component_states[] = {
  { "normal", N_("In good order") },
  { "damaged", N_("Damaged") },
  { "missing", N_("Missing") },
  { "removed", N_("Removed") },
  { NULL, NULL },
};

static const WgChoice organization_kinds[] = {
  { "enterprise", N_("Enterprise") },
  { "individual_business", N_("Individual business") },
  { "social_organization", N_("Social organization") },
  { "institution", N_("Public institution") },
  { "government", N_("Government body") },
  { "other", N_("Other") },
  { NULL, NULL },
};

static const WgChoice underground_kinds[] = {
  { "parking", N_("Underground car park") },
  { "civil_defence", N_("Civil defence works") },
  { "basement", N_("Basement") },
  { "passage", N_("Underpass") },
  { "commercial", N_("Underground shops") },
  { "other", N_("Other") },
  { NULL, NULL },
};

/* The seven forces of a grid (DESIGN §1). */
static const WgChoice staff_forces[] = {
  { "manager", N_("Grid manager") },
  { "assistant", N_("Grid assistant") },
  { "police", N_("Grid police officer") },
  { "supervisor", N_("Grid supervisor") },
  { "judicial", N_("Grid judicial officer") },
  { "firefighter", N_("Grid firefighter") },
  { "party_secretary", N_("Grid party secretary") },
  { NULL, NULL },
};

/* -------------------------------------------------------------- fields */

#define GRID_FIELD(flags) \
  { "grid", N_("Grid"), WG_FIELD_GRID, (flags), 0, 0, 0, NULL, NULL, "path" }

static const WgFieldSpec house_fields[] = {
  { "address", N_("Address"), WG_FIELD_TEXT, REQUIRED | LIST | TITLE, 200, 0, 0, NULL, NULL, NULL },
  { "building", N_("Building"), WG_FIELD_TEXT, LIST, 40, 0, 0, NULL, NULL, NULL },
  { "unit", N_("Unit"), WG_FIELD_TEXT, LIST, 20, 0, 0, NULL, NULL, NULL },
  { "room", N_("Room"), WG_FIELD_TEXT, LIST, 20, 0, 0, NULL, NULL, NULL },
  { "use", N_("Use"), WG_FIELD_CHOICE, REQUIRED | LIST | FILTER, 0, 0, 0, house_uses, NULL, NULL },
  { "floor_area", N_("Floor area (m²)"), WG_FIELD_DECIMAL, LIST, 0, 0, 1e6, NULL, NULL, NULL },
  { "point", N_("Location"), WG_FIELD_POINT, 0, 0, 0, 0, NULL, NULL, NULL },
  GRID_FIELD (LIST | FILTER),
};

static const WgFieldSpec household_fields[] = {
  { "head_name", N_("Head of household"), WG_FIELD_TEXT, READ_ONLY | LIST | TITLE, 60, 0, 0, NULL, NULL, NULL },
  { "kind", N_("Kind"), WG_FIELD_CHOICE, REQUIRED | LIST | FILTER, 0, 0, 0, household_kinds, NULL, NULL },
  { "house_id", N_("House"), WG_FIELD_REFERENCE, 0, 0, 0, 0, NULL, "houses", NULL },
  { "address", N_("Address"), WG_FIELD_TEXT, READ_ONLY | LIST, 200, 0, 0, NULL, NULL, NULL },
  { "member_count", N_("Members"), WG_FIELD_INTEGER, READ_ONLY | LIST, 0, 0, 1000, NULL, NULL, NULL },
  GRID_FIELD (LIST | FILTER),     /* else the house's */
};

static const WgFieldSpec land_parcel_fields[] = {
  { "code", N_("Parcel code"), WG_FIELD_TEXT, REQUIRED | LIST | TITLE, 40, 0, 0, NULL, NULL, NULL },
  { "use", N_("Use"), WG_FIELD_CHOICE, REQUIRED | LIST | FILTER, 0, 0, 0, land_uses, NULL, NULL },
  { "area_m2", N_("Area (m²)"), WG_FIELD_DECIMAL, REQUIRED | LIST, 0, 0, 1e10, NULL, NULL, NULL },
  { "holder", N_("Land holder"), WG_FIELD_TEXT, LIST, 200, 0, 0, NULL, NULL, NULL },
  { "geometry", N_("Outline"), WG_FIELD_POLYGON, REQUIRED, 0, 0, 0, NULL, NULL, "geom" },
  GRID_FIELD (LIST | FILTER),
};

static const WgFieldSpec component_fields[] = {
  { "name", N_("Component name"), WG_FIELD_TEXT, REQUIRED | LIST | TITLE, 100, 0, 0, NULL, NULL, NULL },
  { "class_code", N_("Class code"), WG_FIELD_CLASS_CODE, REQUIRED | LIST | FILTER, 4, 0, 0, NULL, NULL, NULL },
  { "state", N_("State"), WG_FIELD_CHOICE, REQUIRED | LIST | FILTER, 0, 0, 0, component_states, NULL, NULL },
  { "owner_unit", N_("Owning department"), WG_FIELD_TEXT, LIST, 100, 0, 0, NULL, NULL, NULL },
  { "maintainer_unit", N_("Maintaining department"), WG_FIELD_TEXT, 0, 100, 0, 0, NULL, NULL, NULL },
  { "point", N_("Location"), WG_FIELD_POINT, REQUIRED, 0, 0, 0, NULL, NULL, NULL },
  GRID_FIELD (LIST | FILTER),
};

static const WgFieldSpec organization_fields[] = {
  { "name", N_("Organization name"), WG_FIELD_TEXT, REQUIRED | LIST | TITLE, 200, 0, 0, NULL, NULL, NULL },
  { "kind", N_("Kind"), WG_FIELD_CHOICE, REQUIRED | LIST | FILTER, 0, 0, 0, organization_kinds, NULL, NULL },
  { "credit_code", N_("Unified social credit code"), WG_FIELD_CREDIT_CODE, LIST, 18, 0, 0, NULL, NULL, NULL },
  { "address", N_("Address"), WG_FIELD_TEXT, LIST, 200, 0, 0, NULL, NULL, NULL },
  { "contact_name", N_("Contact person"), WG_FIELD_TEXT, 0, 60, 0, 0, NULL, NULL, NULL },
  { "contact_phone", N_("Contact phone"), WG_FIELD_PHONE, 0, 20, 0, 0, NULL, NULL, NULL },
  { "point", N_("Location"), WG_FIELD_POINT, 0, 0, 0, 0, NULL, NULL, NULL },
  GRID_FIELD (LIST | FILTER),
};

static const WgFieldSpec underground_fields[] = {
  { "name", N_("Space name"), WG_FIELD_TEXT, REQUIRED | LIST | TITLE, 100, 0, 0, NULL, NULL, NULL },
  { "kind", N_("Kind"), WG_FIELD_CHOICE, REQUIRED | LIST | FILTER, 0, 0, 0, underground_kinds, NULL, NULL },
  { "address", N_("Address"), WG_FIELD_TEXT, LIST, 200, 0, 0, NULL, NULL, NULL },
  { "area_m2", N_("Area (m²)"), WG_FIELD_DECIMAL, LIST, 0, 0, 1e10, NULL, NULL, NULL },
  { "manager", N_("Managed by"), WG_FIELD_TEXT, LIST, 100, 0, 0, NULL, NULL, NULL },
  { "point", N_("Location"), WG_FIELD_POINT, 0, 0, 0, 0, NULL, NULL, NULL },
  GRID_FIELD (LIST | FILTER),
};

static const WgFieldSpec staff_fields[] = {
  { "name", N_("Name"), WG_FIELD_TEXT, REQUIRED | LIST | TITLE, 60, 0, 0, NULL, NULL, NULL },
  { "force", N_("Force"), WG_FIELD_CHOICE, REQUIRED | LIST | FILTER, 0, 0, 0, staff_forces, NULL, NULL },
  { "phone", N_("Phone"), WG_FIELD_PHONE, LIST, 20, 0, 0, NULL, NULL, NULL },
  { "from_date", N_("From"), WG_FIELD_DATE, LIST, 0, 0, 0, NULL, NULL, NULL },
  { "to_date", N_("Until"), WG_FIELD_DATE, 0, 0, 0, 0, NULL, NULL, NULL },
  GRID_FIELD (REQUIRED | LIST | FILTER),
};

static const WgFieldSpec diary_fields[] = {
  GRID_FIELD (REQUIRED | LIST | FILTER),
  { "entry_date", N_("Date"), WG_FIELD_DATE, REQUIRED | LIST, 0, 0, 0, NULL, NULL, NULL },
  { "author", N_("Written by"), WG_FIELD_TEXT, READ_ONLY | LIST, 60, 0, 0, NULL, NULL, NULL },
  { "households_visited", N_("Households visited"), WG_FIELD_INTEGER, LIST, 0, 0, 500, NULL, NULL, NULL },
  { "topics", N_("Topics"), WG_FIELD_TEXT_LIST, LIST, 20, 0, 0, NULL, NULL, NULL },
  { "body", N_("What I saw and heard"), WG_FIELD_TEXT, REQUIRED | TITLE, 5000, 0, 0, NULL, NULL, NULL },
  { "follow_up", N_("Needs follow-up"), WG_FIELD_BOOLEAN, LIST | FILTER, 0, 0, 0, NULL, NULL, NULL },
};

/* --------------------------------------------------------------- kinds */

#define FIELDS(array) (array), G_N_ELEMENTS (array)

static const WgRecordKind households = {
  "households", "household", N_("Households"), N_("Household"), FIELDS (household_fields),
  WG_SEARCH_NONE, NULL, FALSE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static const WgRecordKind houses = {
  "houses", "house", N_("Houses"), N_("House"), FIELDS (house_fields),
  WG_SEARCH_ADDRESS, N_("Search by address"), TRUE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static const WgRecordKind land_parcels = {
  "land-parcels", "land_parcel", N_("Land"), N_("Land parcel"), FIELDS (land_parcel_fields),
  WG_SEARCH_TEXT, N_("Search by parcel code"), TRUE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static const WgRecordKind components = {
  "components", "component", N_("Components"), N_("Component"), FIELDS (component_fields),
  WG_SEARCH_TEXT, N_("Search by name"), TRUE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static const WgRecordKind organizations = {
  "organizations", "organization", N_("Organizations"), N_("Organization"),
  FIELDS (organization_fields),
  WG_SEARCH_NAME, N_("Search by name or credit code"), TRUE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static const WgRecordKind underground_spaces = {
  "underground-spaces", "underground_space", N_("Underground"), N_("Underground space"),
  FIELDS (underground_fields),
  WG_SEARCH_TEXT, N_("Search by name"), TRUE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_RECORDS_WRITE, FALSE, NULL,
};

static const WgRecordKind grid_staff = {
  "grid-staff", "grid_staff", N_("Grid staff"), N_("Staff member"), FIELDS (staff_fields),
  WG_SEARCH_TEXT, N_("Search by name"), FALSE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_STAFF_WRITE, FALSE, NULL,
};

static const WgRecordKind diary = {
  "diary", "diary_entry", N_("Diary"), N_("Diary entry"), FIELDS (diary_fields),
  WG_SEARCH_TEXT, N_("Search the entries"), FALSE,
  WG_PERMISSION_RECORDS_READ, WG_PERMISSION_DIARY_WRITE, TRUE, "entry_date",
};

static const WgRecordKind * const kinds[] = {
  &households,
  &houses,
  &land_parcels,
  &components,
  &organizations,
  &underground_spaces,
  &grid_staff,
  &diary,
  NULL,
};

const WgRecordKind * const *
wg_record_kinds (void)
{
  return kinds;
}

const WgRecordKind *
wg_record_kind_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i]->name, name))
      return kinds[i];
  return NULL;
}

const WgFieldSpec *
wg_record_kind_field (const WgRecordKind *kind,
                      const char         *name)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (g_str_equal (kind->fields[i].name, name))
      return &kind->fields[i];
  return NULL;
}

const WgFieldSpec *
wg_record_kind_title (const WgRecordKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].flags & WG_FIELD_TITLE)
      return &kind->fields[i];
  g_return_val_if_reached (NULL);
}

const char *
wg_field_choice_label (const WgFieldSpec *field,
                       const char        *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (field->choices == NULL || value == NULL)
    return NULL;
  for (const WgChoice *choice = field->choices; choice->value != NULL; choice++)
    if (g_str_equal (choice->value, value))
      return choice->label;
  return NULL;
}
