#define G_LOG_DOMAIN "wg-person-chain-group"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-person-chain-group.h"
#include "wg-person-rules.h"

struct _WgPersonChainGroup
{
  AdwPreferencesGroup parent_instance;

  WgPersonChain *chain;
  GPtrArray *rows;       /* AdwActionRow, as added */
};

G_DEFINE_FINAL_TYPE (WgPersonChainGroup, wg_person_chain_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  SIGNAL_OPEN_PERSON,
  SIGNAL_SHOW_GRID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wg_person_chain_group_row_activated_cb (WgPersonChainGroup *self,
                                        AdwActionRow       *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "wg-person-id"));
  const char *grid = g_object_get_data (G_OBJECT (row), "wg-grid-code");

  if (grid != NULL)
    g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, grid);
  else if (id > 0)
    g_signal_emit (self, signals[SIGNAL_OPEN_PERSON], 0, id);
}

static AdwActionRow *
wg_person_chain_group_add_row (WgPersonChainGroup *self,
                               const char         *title,
                               const char         *subtitle,
                               const char         *icon_name,
                               const char         *tooltip)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* names and addresses are data, not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_tooltip_text (row, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), image);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (wg_person_chain_group_row_activated_cb),
                               self, G_CONNECT_SWAPPED);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
  return ADW_ACTION_ROW (row);
}

static void
wg_person_chain_group_add_members (WgPersonChainGroup *self)
{
  gint64 shown = wg_person_get_id (self->chain->person);

  for (guint i = 0; i < self->chain->members->len; i++)
    {
      WgChainMember *member = &g_array_index (self->chain->members, WgChainMember, i);
      const char *relation = member->relation != NULL ? wg_person_relation_label (member->relation)
                                                      : _("relation unknown");
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      if (member->id == shown)
        /* Translators: the household member shown, e.g. "This person · Head of household" */
        subtitle = g_strdup_printf (_("This person · %s"), relation);
      else
        /* Translators: a household member's relation to the head, e.g. "Household member · Spouse" */
        subtitle = g_strdup_printf (_("Household member · %s"), relation);
      row = wg_person_chain_group_add_row (self, member->name, subtitle,
                                           member->id != shown ? "go-next-symbolic" : NULL,
                                           _("Open this person"));
      g_object_set_data (G_OBJECT (row), "wg-person-id", GSIZE_TO_POINTER ((gsize) member->id));
    }
}

static void
wg_person_chain_group_add_grid (WgPersonChainGroup *self)
{
  WgPersonChain *chain = self->chain;
  g_autofree char *subtitle = NULL;
  AdwActionRow *row;

  if (chain->grid_code == NULL)
    return;
  /* Translators: the grid's community and street, e.g. "Grid · 多福巷社区, 东华门街道" */
  subtitle = g_strdup_printf (_("Grid · %s, %s"),
                              chain->community_name != NULL ? chain->community_name : "—",
                              chain->street_name != NULL ? chain->street_name : "—");
  row = wg_person_chain_group_add_row (self, chain->grid_name != NULL ? chain->grid_name : chain->grid_code,
                                       subtitle, "mark-location-symbolic", _("Show on the map"));
  g_object_set_data_full (G_OBJECT (row), "wg-grid-code", g_strdup (chain->grid_code), g_free);
}

/* GObject */

static void
wg_person_chain_group_dispose (GObject *object)
{
  WgPersonChainGroup *self = WG_PERSON_CHAIN_GROUP (object);

  g_clear_pointer (&self->chain, wg_person_chain_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_PERSON_CHAIN_GROUP);

  G_OBJECT_CLASS (wg_person_chain_group_parent_class)->dispose (object);
}

static void
wg_person_chain_group_finalize (GObject *object)
{
  WgPersonChainGroup *self = WG_PERSON_CHAIN_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (wg_person_chain_group_parent_class)->finalize (object);
}

static void
wg_person_chain_group_class_init (WgPersonChainGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_person_chain_group_dispose;
  object_class->finalize = wg_person_chain_group_finalize;

  /**
   * WgPersonChainGroup::open-person:
   * @id: a household member's id
   */
  signals[SIGNAL_OPEN_PERSON] =
    g_signal_new ("open-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * WgPersonChainGroup::show-grid:
   * @code: the grid's code
   */
  signals[SIGNAL_SHOW_GRID] =
    g_signal_new ("show-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-person-chain-group.ui");
}

static void
wg_person_chain_group_init (WgPersonChainGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/* Public API */

GtkWidget *
wg_person_chain_group_new (void)
{
  return g_object_new (WG_TYPE_PERSON_CHAIN_GROUP, NULL);
}

void
wg_person_chain_group_clear (WgPersonChainGroup *self)
{
  g_return_if_fail (WG_IS_PERSON_CHAIN_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->chain, wg_person_chain_free);
}

void
wg_person_chain_group_set_chain (WgPersonChainGroup *self,
                                 WgPersonChain      *chain)
{
  g_return_if_fail (WG_IS_PERSON_CHAIN_GROUP (self));
  g_return_if_fail (chain != NULL && chain->person != NULL);

  wg_person_chain_group_clear (self);
  self->chain = chain;
  if (chain->household_id == 0)
    wg_person_chain_group_add_row (self, _("No household on record"), _("Household"), NULL, NULL);
  else
    wg_person_chain_group_add_members (self);
  wg_person_chain_group_add_row (self, chain->house_address != NULL ? chain->house_address
                                                                     : _("No house on record"),
                                 _("House"), NULL, NULL);
  wg_person_chain_group_add_grid (self);
}

WgPersonChain *
wg_person_chain_group_get_chain (WgPersonChainGroup *self)
{
  g_return_val_if_fail (WG_IS_PERSON_CHAIN_GROUP (self), NULL);
  return self->chain;
}

gboolean
wg_person_chain_group_activate (WgPersonChainGroup *self,
                                gint64              member_id)
{
  g_return_val_if_fail (WG_IS_PERSON_CHAIN_GROUP (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      gboolean grid = g_object_get_data (row, "wg-grid-code") != NULL;
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (row, "wg-person-id"));

      if ((member_id == 0 && grid) || (member_id != 0 && id == member_id))
        {
          wg_person_chain_group_row_activated_cb (self, ADW_ACTION_ROW (row));
          return TRUE;
        }
    }
  return FALSE;
}
