#define G_LOG_DOMAIN "wg-map-legend"

#include "config.h"

#include "wg-map-legend.h"
#include "wg-map-style.h"

struct _WgMapLegend
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkWidget *rows;
};

G_DEFINE_FINAL_TYPE (WgMapLegend, wg_map_legend, GTK_TYPE_WIDGET)

static const WgGridGrade legend_grades[] = {
  WG_GRID_GRADE_ROUTINE, WG_GRID_GRADE_GENERAL, WG_GRID_GRADE_KEY, WG_GRID_GRADE_COMPREHENSIVE,
};

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  WgGridGrade grade = GPOINTER_TO_UINT (user_data);
  WgMapColor fill = wg_map_style_grade_color (grade);
  WgMapColor edge = wg_map_style_grade_swatch (grade);

  /* The map shows grades over a light ground: show the same blend here. */
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, fill.alpha);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, edge.red * 0.8, edge.green * 0.8, edge.blue * 0.8, 1);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GtkWidget *
legend_row_new (WgGridGrade grade)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (wg_map_style_grade_label (grade));

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  GUINT_TO_POINTER (grade), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

static void
wg_map_legend_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WG_TYPE_MAP_LEGEND);

  G_OBJECT_CLASS (wg_map_legend_parent_class)->dispose (object);
}

static void
wg_map_legend_class_init (WgMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_map_legend_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/map/wg-map-legend.ui");
  gtk_widget_class_bind_template_child (widget_class, WgMapLegend, box);
  gtk_widget_class_bind_template_child (widget_class, WgMapLegend, rows);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wg_map_legend_init (WgMapLegend *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (legend_grades); i++)
    gtk_box_append (GTK_BOX (self->rows), legend_row_new (legend_grades[i]));
}

GtkWidget *
wg_map_legend_new (void)
{
  return g_object_new (WG_TYPE_MAP_LEGEND, NULL);
}
