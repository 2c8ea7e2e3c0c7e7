#define G_LOG_DOMAIN "wg-record-links"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-person-rules.h"
#include "wg-record-links.h"
#include "wg-record-rules.h"

struct _WgRecordLinks
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GPtrArray *groups;     /* AdwPreferencesGroup, as added */
  GPtrArray *rows;       /* AdwActionRow that link somewhere */
  gboolean editable;
};

G_DEFINE_FINAL_TYPE (WgRecordLinks, wg_record_links, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN_PERSON,
  SIGNAL_OPEN_RECORD,
  SIGNAL_SHOW_GRID,
  SIGNAL_ADD,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a row links to: "people", a kind's name, or "grid" (@code). */
typedef struct {
  char *kind;
  gint64 id;
  char *code;
} Link;

static void
link_free (Link *link)
{
  g_free (link->kind);
  g_free (link->code);
  g_free (link);
}

static const char *
wg_record_links_string (JsonObject *object,
                        const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gint64
wg_record_links_int (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

/* Each array element that is an object. */
static GPtrArray *
wg_record_links_objects (JsonObject *object,
                         const char *member)
{
  GPtrArray *objects = g_ptr_array_new ();
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return objects;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (node), i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        g_ptr_array_add (objects, json_node_get_object (element));
    }
  return objects;
}

/* Callbacks */

static void
wg_record_links_row_activated_cb (WgRecordLinks *self,
                                  AdwActionRow  *row)
{
  Link *link = g_object_get_data (G_OBJECT (row), "wg-link");

  if (link == NULL)
    return;
  if (g_str_equal (link->kind, "grid"))
    g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, link->code);
  else if (g_str_equal (link->kind, "people"))
    g_signal_emit (self, signals[SIGNAL_OPEN_PERSON], 0, link->id);
  else
    g_signal_emit (self, signals[SIGNAL_OPEN_RECORD], 0, link->kind, link->id);
}

static void
wg_record_links_remove_clicked_cb (GtkButton     *button,
                                   WgRecordLinks *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "wg-remove-id"));
  const char *name = g_object_get_data (G_OBJECT (button), "wg-remove-name");

  g_signal_emit (self, signals[SIGNAL_REMOVE], 0, id, name);
}

static void
wg_record_links_add_activated_cb (WgRecordLinks *self,
                                  AdwActionRow  *row)
{
  g_signal_emit (self, signals[SIGNAL_ADD], 0);
}

/* Rows */

static AdwPreferencesGroup *
wg_record_links_add_group (WgRecordLinks *self,
                           const char    *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), group);
  g_ptr_array_add (self->groups, group);
  return ADW_PREFERENCES_GROUP (group);
}

static AdwActionRow *
wg_record_links_add_row (WgRecordLinks       *self,
                         AdwPreferencesGroup *group,
                         const char          *title,
                         const char          *subtitle,
                         Link                *link)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* names and addresses are data, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (link != NULL)
    {
      gboolean grid = g_str_equal (link->kind, "grid");
      GtkWidget *image = gtk_image_new_from_icon_name (grid ? "mark-location-symbolic" : "go-next-symbolic");

      gtk_widget_set_tooltip_text (row, grid ? _("Show on the map")
                                    : g_str_equal (link->kind, "people") ? _("Open this person")
                                    : _("Open this record"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "wg-link", link, (GDestroyNotify) link_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (wg_record_links_row_activated_cb),
                               self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->rows, row);
    }
  adw_preferences_group_add (group, row);
  return ADW_ACTION_ROW (row);
}

static Link *
link_new (const char *kind,
          gint64      id,
          const char *code)
{
  Link *link = g_new0 (Link, 1);

  link->kind = g_strdup (kind);
  link->id = id;
  link->code = g_strdup (code);
  return link;
}

static void
wg_record_links_add_remove_button (WgRecordLinks *self,
                                   AdwActionRow  *row,
                                   gint64         id,
                                   const char    *name,
                                   const char    *tooltip)
{
  GtkWidget *button;

  if (!self->editable)
    return;
  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "wg-remove-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (button), "wg-remove-name", g_strdup (name), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (wg_record_links_remove_clicked_cb), self, 0);
  adw_action_row_add_prefix (row, button);
}

static void
wg_record_links_add_add_row (WgRecordLinks       *self,
                             AdwPreferencesGroup *group,
                             const char          *title)
{
  GtkWidget *row;

  if (!self->editable)
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-add-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (wg_record_links_add_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
}

static const char *
wg_record_links_relation (JsonObject *member)
{
  const char *relation = wg_record_links_string (member, "relation");

  return relation != NULL ? wg_person_relation_label (relation) : _("relation unknown");
}

static void
wg_record_links_add_households (WgRecordLinks *self,
                                JsonObject    *chain)
{
  g_autoptr(GPtrArray) households = wg_record_links_objects (chain, "households");
  const WgFieldSpec *kind_field = wg_record_kind_field (wg_record_kind_lookup ("households"), "kind");
  AdwPreferencesGroup *group = wg_record_links_add_group (self, _("Households"));

  if (households->len == 0)
    wg_record_links_add_row (self, group, _("No household lives here"), NULL, NULL);
  for (guint i = 0; i < households->len; i++)
    {
      JsonObject *household = g_ptr_array_index (households, i);
      g_autoptr(GPtrArray) members = wg_record_links_objects (household, "members");
      const char *head = wg_record_links_string (household, "head_name");
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, wg_record_links_int (household, "id"));

      /* Translators: a household without a head on record, e.g. "Household #12" */
      title = head != NULL ? g_strdup (head) : g_strdup_printf (_("Household #%s"), number);
      /* Translators: e.g. "Family household · 3 members" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u member", "%s · %u members", members->len),
                                  wg_record_choice_label (kind_field, wg_record_links_string (household, "kind")),
                                  members->len);
      wg_record_links_add_row (self, group, title, subtitle,
                               link_new ("households", wg_record_links_int (household, "id"), NULL));
      for (guint j = 0; j < members->len; j++)
        {
          JsonObject *member = g_ptr_array_index (members, j);
          g_autofree char *member_subtitle = NULL;
          AdwActionRow *row;

          /* Translators: a household member's relation to the head, e.g. "Household member · Spouse" */
          member_subtitle = g_strdup_printf (_("Household member · %s"), wg_record_links_relation (member));
          row = wg_record_links_add_row (self, group, wg_record_links_string (member, "name"), member_subtitle,
                                         link_new ("people", wg_record_links_int (member, "id"), NULL));
          gtk_widget_set_margin_start (GTK_WIDGET (row), 0);
          adw_action_row_add_prefix (row, gtk_image_new_from_icon_name ("avatar-default-symbolic"));
        }
    }
}

static void
wg_record_links_add_residents (WgRecordLinks *self,
                               JsonObject    *chain)
{
  g_autoptr(GPtrArray) residents = wg_record_links_objects (chain, "residents");
  AdwPreferencesGroup *group = wg_record_links_add_group (self, _("Residents"));

  if (residents->len == 0)
    wg_record_links_add_row (self, group, _("No one is recorded as living here"), NULL, NULL);
  for (guint i = 0; i < residents->len; i++)
    {
      JsonObject *resident = g_ptr_array_index (residents, i);
      const char *name = wg_record_links_string (resident, "name");
      const char *from = wg_record_links_string (resident, "from_date");
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      /* Translators: how and since when a person lives in a house, e.g. "Tenant · since 2021-03-01" */
      subtitle = from != NULL ? g_strdup_printf (_("%s · since %s"),
                                                 wg_record_residence_label (wg_record_links_string (resident, "kind")),
                                                 from)
                              : g_strdup (wg_record_residence_label (wg_record_links_string (resident, "kind")));
      row = wg_record_links_add_row (self, group, name, subtitle,
                                     link_new ("people", wg_record_links_int (resident, "person_id"), NULL));
      wg_record_links_add_remove_button (self, row, wg_record_links_int (resident, "id"), name,
                                         _("Remove this resident"));
    }
  wg_record_links_add_add_row (self, group, _("Add a Resident…"));
}

static void
wg_record_links_add_members (WgRecordLinks *self,
                             JsonObject    *chain)
{
  g_autoptr(GPtrArray) members = wg_record_links_objects (chain, "members");
  /* Translators: the title of a household's members (not their number) */
  AdwPreferencesGroup *group = wg_record_links_add_group (self, C_("household", "Members"));

  if (members->len == 0)
    wg_record_links_add_row (self, group, _("No member on record"), NULL, NULL);
  for (guint i = 0; i < members->len; i++)
    {
      JsonObject *member = g_ptr_array_index (members, i);
      const char *name = wg_record_links_string (member, "name");
      const char *birth = wg_record_links_string (member, "birth_date");
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      /* Translators: e.g. "Spouse · born 1980-04-02" */
      subtitle = birth != NULL ? g_strdup_printf (_("%s · born %s"), wg_record_links_relation (member), birth)
                               : g_strdup (wg_record_links_relation (member));
      row = wg_record_links_add_row (self, group, name, subtitle,
                                     link_new ("people", wg_record_links_int (member, "id"), NULL));
      wg_record_links_add_remove_button (self, row, wg_record_links_int (member, "id"), name,
                                         _("Remove from the household"));
    }
  wg_record_links_add_add_row (self, group, _("Add a Member…"));
}

static void
wg_record_links_add_house (WgRecordLinks *self,
                           JsonObject    *chain)
{
  JsonNode *node = json_object_get_member (chain, "house");
  AdwPreferencesGroup *group = wg_record_links_add_group (self, C_("household", "House"));
  JsonObject *house;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      wg_record_links_add_row (self, group, _("No house on record"), NULL, NULL);
      return;
    }
  house = json_node_get_object (node);
  wg_record_links_add_row (self, group, wg_record_links_string (house, "address"),
                           wg_record_choice_label (wg_record_kind_field (wg_record_kind_lookup ("houses"), "use"),
                                                   wg_record_links_string (house, "use")),
                           link_new ("houses", wg_record_links_int (house, "id"), NULL));
}

/* The chain's GRID (with community and street) or the record's own. */
static void
wg_record_links_add_grid (WgRecordLinks *self,
                          WgRecordItem  *item,
                          JsonObject    *chain)
{
  JsonNode *node = chain != NULL ? json_object_get_member (chain, "grid") : NULL;
  JsonObject *grid = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *code = grid != NULL ? wg_record_links_string (grid, "code") : wg_record_item_get_grid_code (item);
  const char *name = grid != NULL ? wg_record_links_string (grid, "name") : wg_record_item_get_grid_name (item);
  g_autofree char *subtitle = NULL;
  AdwPreferencesGroup *group;

  if (code == NULL)
    return;
  if (grid != NULL && json_object_has_member (grid, "community"))
    {
      JsonNode *community = json_object_get_member (grid, "community");
      JsonNode *street = json_object_get_member (grid, "street");

      /* Translators: the grid's community and street, e.g. "Grid · 多福巷社区, 东华门街道" */
      subtitle = g_strdup_printf (_("Grid · %s, %s"),
                                  JSON_NODE_HOLDS_OBJECT (community)
                                  ? json_object_get_string_member_with_default (json_node_get_object (community), "name", "—") : "—",
                                  street != NULL && JSON_NODE_HOLDS_OBJECT (street)
                                  ? json_object_get_string_member_with_default (json_node_get_object (street), "name", "—") : "—");
    }
  group = wg_record_links_add_group (self, _("Grid"));
  wg_record_links_add_row (self, group, name != NULL ? name : code, subtitle != NULL ? subtitle : code,
                           link_new ("grid", 0, code));
}

/* GObject */

static void
wg_record_links_dispose (GObject *object)
{
  WgRecordLinks *self = WG_RECORD_LINKS (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (wg_record_links_parent_class)->dispose (object);
}

static void
wg_record_links_finalize (GObject *object)
{
  WgRecordLinks *self = WG_RECORD_LINKS (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wg_record_links_parent_class)->finalize (object);
}

static void
wg_record_links_class_init (WgRecordLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_record_links_dispose;
  object_class->finalize = wg_record_links_finalize;

  /** WgRecordLinks::open-person: @id: a person's id */
  signals[SIGNAL_OPEN_PERSON] =
    g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /** WgRecordLinks::open-record: @kind: a kind's name; @id: the record's id */
  signals[SIGNAL_OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  /** WgRecordLinks::show-grid: @code: the grid's code */
  signals[SIGNAL_SHOW_GRID] =
    g_signal_new ("show-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  /** WgRecordLinks::add: the user asked to add a member or a resident */
  signals[SIGNAL_ADD] =
    g_signal_new ("add", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /** WgRecordLinks::remove: @id: a member's person id or a residence's id; @name: the person's */
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wg_record_links_init (WgRecordLinks *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
}

/* Public API */

GtkWidget *
wg_record_links_new (void)
{
  return g_object_new (WG_TYPE_RECORD_LINKS, NULL);
}

void
wg_record_links_clear (WgRecordLinks *self)
{
  g_return_if_fail (WG_IS_RECORD_LINKS (self));

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->box), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

void
wg_record_links_set (WgRecordLinks *self,
                     WgRecordItem  *item,
                     JsonObject    *chain,
                     gboolean       editable)
{
  const char *kind;

  g_return_if_fail (WG_IS_RECORD_LINKS (self));
  g_return_if_fail (WG_IS_RECORD_ITEM (item));

  wg_record_links_clear (self);
  self->editable = editable;
  kind = wg_record_item_get_kind (item)->name;
  if (chain != NULL && g_str_equal (kind, "houses"))
    {
      wg_record_links_add_households (self, chain);
      wg_record_links_add_residents (self, chain);
    }
  else if (chain != NULL && g_str_equal (kind, "households"))
    {
      wg_record_links_add_members (self, chain);
      wg_record_links_add_house (self, chain);
    }
  wg_record_links_add_grid (self, item, chain);
}

gboolean
wg_record_links_activate (WgRecordLinks *self,
                          const char    *kind,
                          gint64         id)
{
  g_return_val_if_fail (WG_IS_RECORD_LINKS (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      Link *link = g_object_get_data (G_OBJECT (row), "wg-link");

      if (g_str_equal (link->kind, kind) && (id == 0 || link->id == id))
        {
          wg_record_links_row_activated_cb (self, row);
          return TRUE;
        }
    }
  return FALSE;
}
