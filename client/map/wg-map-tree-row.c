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

static void
wg_map_tree_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WG_TYPE_MAP_TREE_ROW);

  G_OBJECT_CLASS (wg_map_tree_row_parent_class)->dispose (object);
}

static void
wg_map_tree_row_class_init (WgMapTreeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_map_tree_row_dispose;

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

  gtk_tree_expander_set_list_row (self->expander, list_row);
  if (list_row != NULL)
    region = gtk_tree_list_row_get_item (list_row);
  gtk_label_set_label (self->name_label, region != NULL ? wg_region_get_name (region) : "");
  gtk_label_set_label (self->code_label, region != NULL ? wg_region_get_code (region) : "");
}
