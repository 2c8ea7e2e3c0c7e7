#define G_LOG_DOMAIN "wg-map-grid-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-map-grid-panel.h"
#include "wg-map-style.h"

struct _WgMapGridPanel
{
  GtkWidget parent_instance;

  GtkWidget *card;
  GtkLabel *name_label;
  GtkLabel *code_label;
  GtkLabel *community_label;
  GtkLabel *street_label;
  GtkLabel *type_label;
  GtkLabel *grade_label;
  GtkDrawingArea *grade_swatch;
  GtkWidget *synthetic_label;

  WgGridGrade grade;
};

G_DEFINE_FINAL_TYPE (WgMapGridPanel, wg_map_grid_panel, GTK_TYPE_WIDGET)

static void
draw_grade_swatch (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  WgMapGridPanel *self = user_data;
  WgMapColor color = wg_map_style_grade_swatch (self->grade);

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 0.5, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, 1);
  cairo_fill (cr);
}

static const char *
shape_title (const WgMapShape *shape)
{
  /* Translators: shown when a grid's community or street is out of scope */
  return shape != NULL ? shape->name : C_("map panel", "—");
}

static void
wg_map_grid_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WG_TYPE_MAP_GRID_PANEL);

  G_OBJECT_CLASS (wg_map_grid_panel_parent_class)->dispose (object);
}

static void
wg_map_grid_panel_class_init (WgMapGridPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_map_grid_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/map/wg-map-grid-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, card);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, code_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, community_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, street_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, type_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, grade_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, grade_swatch);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, synthetic_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wg_map_grid_panel_init (WgMapGridPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->grade_swatch, draw_grade_swatch, self, NULL);
}

GtkWidget *
wg_map_grid_panel_new (void)
{
  return g_object_new (WG_TYPE_MAP_GRID_PANEL, NULL);
}

void
wg_map_grid_panel_set_grid (WgMapGridPanel   *self,
                            const WgMapShape *grid,
                            const WgMapShape *community,
                            const WgMapShape *street)
{
  g_return_if_fail (WG_IS_MAP_GRID_PANEL (self));

  if (grid == NULL)
    {
      gtk_label_set_label (self->code_label, "");
      return;
    }
  self->grade = grid->grid_grade;
  gtk_label_set_label (self->name_label, grid->name);
  gtk_label_set_label (self->code_label, grid->code);
  gtk_label_set_label (self->community_label, shape_title (community));
  gtk_label_set_label (self->street_label, shape_title (street));
  gtk_label_set_label (self->type_label, wg_map_style_grid_type_label (grid->grid_type));
  gtk_label_set_label (self->grade_label, wg_map_style_grade_label (grid->grid_grade));
  gtk_widget_set_visible (self->synthetic_label, grid->synthetic);
  gtk_widget_queue_draw (GTK_WIDGET (self->grade_swatch));
}

const char *
wg_map_grid_panel_get_code (WgMapGridPanel *self)
{
  g_return_val_if_fail (WG_IS_MAP_GRID_PANEL (self), "");
  return gtk_label_get_label (self->code_label);
}
