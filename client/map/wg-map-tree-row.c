#define G_LOG_DOMAIN "wg-map-tree-row"

#include "config.h"

#include "wg-map-tree-row.h"
#include "wg-region.h"

struct _WgMapTreeRow
{
  GtkWidget parent_instance;

  GtkTreeExpander *expander;
  GtkLabel *name_label;
  GtkLabel *code_label;
};

G_DEFINE_FINAL_TYPE (WgMapTreeRow, wg_map_tree_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LIST_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wg_map_tree_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WG_TYPE_MAP_TREE_ROW);

  G_OBJECT_CLASS (wg_map_tree_row_parent_class)->dispose (object);
}

static void
wg_map_tree_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WgMapTreeRow *self = WG_MAP_TREE_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      g_value_set_object (value, gtk_tree_expander_get_list_row (self->expander));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_map_tree_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WgMapTreeRow *self = WG_MAP_TREE_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      wg_map_tree_row_set_list_row (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_map_tree_row_class_init (WgMapTreeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_map_tree_row_dispose;
  object_class->get_property = wg_map_tree_row_get_property;
  object_class->set_property = wg_map_tree_row_set_property;

  /* bound to the list item's item in wg-map-tree-item.ui */
  properties[PROP_LIST_ROW] =
    g_param_spec_object ("list-row", NULL, NULL, GTK_TYPE_TREE_LIST_ROW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/map/wg-map-tree-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WgMapTreeRow, expander);
  gtk_widget_class_bind_template_child (widget_class, WgMapTreeRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapTreeRow, code_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wg_map_tree_row_init (WgMapTreeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wg_map_tree_row_new (void)
{
  return g_object_new (WG_TYPE_MAP_TREE_ROW, NULL);
}

void
wg_map_tree_row_set_list_row (WgMapTreeRow   *self,
                              GtkTreeListRow *list_row)
{
  g_autoptr(WgRegion) region = NULL;

  g_return_if_fail (WG_IS_MAP_TREE_ROW (self));

  if (gtk_tree_expander_get_list_row (self->expander) == list_row)
    return;
  gtk_tree_expander_set_list_row (self->expander, list_row);
  if (list_row != NULL)
    region = gtk_tree_list_row_get_item (list_row);
  gtk_label_set_label (self->name_label, region != NULL ? wg_region_get_name (region) : "");
  gtk_label_set_label (self->code_label, region != NULL ? wg_region_get_code (region) : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_ROW]);
}
