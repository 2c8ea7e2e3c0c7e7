#define G_LOG_DOMAIN "wg-api-client"

#include "config.h"

#include <string.h>

#include "wg-api.h"
#include "wg-api-client-private.h"
#include "wg-api-client-summary.h"
#include "wg-error.h"
#include "wg-json.h"

#define MAX_TEXT_CHARS 200

static const char * const count_names[WG_SUMMARY_N_COUNTS] = {
  [WG_SUMMARY_PEOPLE] = "people",
  [WG_SUMMARY_REGISTERED] = "registered",
  [WG_SUMMARY_FLOATING] = "floating",
  [WG_SUMMARY_FOREIGN] = "foreign",
  [WG_SUMMARY_HOUSEHOLDS] = "households",
  [WG_SUMMARY_HOUSES] = "houses",
  [WG_SUMMARY_LAND_PARCELS] = "land_parcels",
  [WG_SUMMARY_COMPONENTS] = "components",
  [WG_SUMMARY_ORGANIZATIONS] = "organizations",
  [WG_SUMMARY_UNDERGROUND_SPACES] = "underground_spaces",
  [WG_SUMMARY_DIARY_ENTRIES_30D] = "diary_entries_30d",
  [WG_SUMMARY_FOLLOW_UPS] = "follow_ups",
};

G_DEFINE_BOXED_TYPE (WgRegionSummary, wg_region_summary, wg_region_summary_copy,
                     wg_region_summary_free)

static void
summary_group_free (gpointer data)
{
  WgSummaryGroup *group = data;

  g_free (group->tag);
  g_free (group);
}

static void
summary_staff_free (gpointer data)
{
  WgSummaryStaff *staff = data;

  g_free (staff->force);
  g_free (staff->name);
  g_free (staff->phone);
  g_free (staff);
}

static WgRegionSummary *
region_summary_new (void)
{
  WgRegionSummary *summary = g_new0 (WgRegionSummary, 1);

  summary->special_groups = g_ptr_array_new_with_free_func (summary_group_free);
  summary->staff = g_ptr_array_new_with_free_func (summary_staff_free);
  return summary;
}

void
wg_region_summary_free (WgRegionSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->code);
  g_free (summary->name);
  g_free (summary->level);
  g_free (summary->community_name);
  g_free (summary->street_name);
  g_ptr_array_unref (summary->special_groups);
  g_ptr_array_unref (summary->staff);
  g_free (summary);
}

static WgSummaryStaff *
staff_copy (const WgSummaryStaff *staff)
{
  WgSummaryStaff *copy = g_new0 (WgSummaryStaff, 1);

  copy->id = staff->id;
  copy->force = g_strdup (staff->force);
  copy->name = g_strdup (staff->name);
  copy->phone = g_strdup (staff->phone);
  return copy;
}

WgRegionSummary *
wg_region_summary_copy (const WgRegionSummary *summary)
{
  WgRegionSummary *copy = region_summary_new ();

  copy->code = g_strdup (summary->code);
  copy->name = g_strdup (summary->name);
  copy->level = g_strdup (summary->level);
  copy->community_name = g_strdup (summary->community_name);
  copy->street_name = g_strdup (summary->street_name);
  memcpy (copy->counts, summary->counts, sizeof copy->counts);
  for (guint i = 0; i < summary->special_groups->len; i++)
    {
      const WgSummaryGroup *group = g_ptr_array_index (summary->special_groups, i);
      WgSummaryGroup *group_copy = g_new0 (WgSummaryGroup, 1);

      group_copy->tag = g_strdup (group->tag);
      group_copy->people = group->people;
      g_ptr_array_add (copy->special_groups, group_copy);
    }
  for (guint i = 0; i < summary->staff->len; i++)
    g_ptr_array_add (copy->staff, staff_copy (g_ptr_array_index (summary->staff, i)));
  return copy;
}

const char *
wg_summary_count_name (WgSummaryCount count)
{
  g_return_val_if_fail (count < WG_SUMMARY_N_COUNTS, NULL);
  return count_names[count];
}

/* The object member @name; WG_ERROR_PROTOCOL naming it when absent. */
static JsonObject *
object_member (JsonObject  *object,
               const char  *name,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  g_set_error (error, WG_ERROR, WG_ERROR_PROTOCOL, "The summary has no object “%s”", name);
  return NULL;
}

static gboolean
read_region (WgRegionSummary  *summary,
             JsonObject       *object,
             GError          **error)
{
  JsonObject *region = object_member (object, "region", error);
  const char *code, *name, *level;

  if (region == NULL ||
      (code = wg_json_require_string (region, "code", MAX_TEXT_CHARS, error)) == NULL ||
      (name = wg_json_require_string (region, "name", MAX_TEXT_CHARS, error)) == NULL ||
      (level = wg_json_require_string (region, "level", MAX_TEXT_CHARS, error)) == NULL)
    return FALSE;
  summary->code = g_strdup (code);
  summary->name = g_strdup (name);
  summary->level = g_strdup (level);
  /* The names of the regions above (the map of a community user has no
   * street); absent or null when there is none. */
  if (!wg_json_optional_string (region, "community_name", MAX_TEXT_CHARS, NULL, &name, error))
    return FALSE;
  summary->community_name = g_strdup (name);
  if (!wg_json_optional_string (region, "street_name", MAX_TEXT_CHARS, NULL, &name, error))
    return FALSE;
  summary->street_name = g_strdup (name);
  return TRUE;
}

static gboolean
read_counts (WgRegionSummary  *summary,
             JsonObject       *object,
             GError          **error)
{
  JsonObject *counts = object_member (object, "counts", error);

  if (counts == NULL)
    return FALSE;
  for (guint i = 0; i < WG_SUMMARY_N_COUNTS; i++)
    if (!wg_json_require_int (counts, count_names[i], 0, G_MAXINT64, &summary->counts[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
read_groups (WgRegionSummary  *summary,
             JsonObject       *object,
             GError          **error)
{
  JsonObject *groups = object_member (object, "special_groups", error);
  g_autoptr(GList) tags = NULL;

  if (groups == NULL)
    return FALSE;
  /* json-glib keeps the members in the order of the answer. */
  tags = json_object_get_members (groups);
  for (GList *l = tags; l != NULL; l = l->next)
    {
      WgSummaryGroup *group = g_new0 (WgSummaryGroup, 1);

      group->tag = g_strdup (l->data);
      g_ptr_array_add (summary->special_groups, group);
      if (!wg_json_require_int (groups, l->data, 0, G_MAXINT64, &group->people, error))
        return FALSE;
    }
  return TRUE;
}

static WgSummaryStaff *
read_staff_member (JsonNode  *node,
                   GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GError) local_error = NULL;
  WgSummaryStaff *staff;
  const char *force, *name, *phone = NULL;
  gint64 id;

  if (object == NULL ||
      !wg_json_require_int (object, "id", 1, G_MAXINT64, &id, &local_error) ||
      (force = wg_json_require_string (object, "force", MAX_TEXT_CHARS, &local_error)) == NULL ||
      (name = wg_json_require_string (object, "name", MAX_TEXT_CHARS, &local_error)) == NULL ||
      !wg_json_optional_string (object, "phone", MAX_TEXT_CHARS, NULL, &phone, &local_error))
    {
      g_set_error (error, WG_ERROR, WG_ERROR_PROTOCOL, "A staff member of the summary is unreadable: %s",
                   local_error != NULL ? local_error->message : "not an object");
      return NULL;
    }
  staff = g_new0 (WgSummaryStaff, 1);
  staff->id = id;
  staff->force = g_strdup (force);
  staff->name = g_strdup (name);
  staff->phone = g_strdup (phone);
  return staff;
}

static gboolean
read_staff (WgRegionSummary  *summary,
            JsonObject       *object,
            GError          **error)
{
  JsonNode *node = json_object_get_member (object, "staff");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The summary has no array “staff”");
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      WgSummaryStaff *staff = read_staff_member (json_array_get_element (array, i), error);

      if (staff == NULL)
        return FALSE;
      g_ptr_array_add (summary->staff, staff);
    }
  return TRUE;
}

WgRegionSummary *
wg_region_summary_new_from_json (JsonObject  *object,
                                 GError     **error)
{
  g_autoptr(WgRegionSummary) summary = region_summary_new ();

  g_return_val_if_fail (object != NULL, NULL);

  if (!read_region (summary, object, error) || !read_counts (summary, object, error) ||
      !read_groups (summary, object, error) || !read_staff (summary, object, error))
    {
      /* the typed accessors say invalid-input: here it is the server's answer */
      if (error != NULL && *error != NULL && (*error)->domain == WG_ERROR)
        (*error)->code = WG_ERROR_PROTOCOL;
      return NULL;
    }
  return g_steal_pointer (&summary);
}

static gpointer
read_summary (JsonNode  *root,
              GError   **error)
{
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, WG_ERROR, WG_ERROR_PROTOCOL, "The summary is not an object");
      return NULL;
    }
  return wg_region_summary_new_from_json (json_node_get_object (root), error);
}

static const WgApiCall summary_call = { read_summary, (GDestroyNotify) wg_region_summary_free };

void
wg_api_client_get_region_summary_async (WgApiClient         *self,
                                        const char          *code,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (WG_IS_API_CLIENT (self));
  g_return_if_fail (code != NULL);

  escaped = g_uri_escape_string (code, NULL, FALSE);
  path = g_strdup_printf (WG_API_REGIONS "/%s/summary", escaped);
  _wg_api_client_call (self, wg_api_client_get_region_summary_async, &summary_call, "GET", path,
                       NULL, NULL, cancellable, callback, user_data);
}

WgRegionSummary *
wg_api_client_get_region_summary_finish (WgApiClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _wg_api_client_propagate_pointer (self, result, wg_api_client_get_region_summary_async,
                                           error);
}
