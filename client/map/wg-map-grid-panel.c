#define G_LOG_DOMAIN "wg-map-grid-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-error.h"
#include "wg-error-messages.h"
#include "wg-map-grid-panel.h"
#include "wg-map-style.h"
#include "wg-person-rules.h"
#include "wg-record-kind.h"

#define N_TILE_COLUMNS 3

struct _WgMapGridPanel
{
  GtkWidget parent_instance;

  GtkWidget *card;
  GtkWidget *scroller;
  GtkWidget *content_box;
  GtkLabel *level_label;
  GtkLabel *name_label;
  GtkLabel *code_label;
  GtkWidget *community_caption;
  GtkLabel *community_label;
  GtkWidget *street_caption;
  GtkLabel *street_label;
  GtkWidget *type_caption;
  GtkLabel *type_label;
  GtkWidget *grade_caption;
  GtkWidget *grade_box;
  GtkLabel *grade_label;
  GtkDrawingArea *grade_swatch;
  GtkWidget *synthetic_label;
  GtkStack *summary_stack;
  GtkSpinner *spinner;
  GtkLabel *error_label;
  GtkLabel *people_label;
  GtkWidget *people_detail_box;
  GtkGrid *counts_grid;
  GtkFlowBox *groups_box;
  GtkWidget *no_groups_label;
  GtkWidget *staff_section;
  GtkGrid *staff_grid;
  GtkWidget *no_staff_label;

  GtkLabel *count_labels[WG_SUMMARY_N_COUNTS];

  WgGridGrade grade;
  WgApiClient *client;
  GCancellable *cancellable;
  char *code;
  WgRegionSummary *summary;
  WgMapSummaryState state;
};

G_DEFINE_FINAL_TYPE (WgMapGridPanel, wg_map_grid_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SUMMARY_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The tiles under the people, in this order. */
static const struct {
  WgSummaryCount  count;
  const char     *label;
} tiles[] = {
  /* Translators: counts of the region shown on the map */
  { WG_SUMMARY_HOUSEHOLDS, NC_("map summary", "Households") },
  { WG_SUMMARY_HOUSES, NC_("map summary", "Houses") },
  { WG_SUMMARY_LAND_PARCELS, NC_("map summary", "Land parcels") },
  { WG_SUMMARY_COMPONENTS, NC_("map summary", "Components") },
  { WG_SUMMARY_ORGANIZATIONS, NC_("map summary", "Organizations") },
  { WG_SUMMARY_UNDERGROUND_SPACES, NC_("map summary", "Underground spaces") },
  { WG_SUMMARY_DIARY_ENTRIES_30D, NC_("map summary", "Diary entries, 30 days") },
  { WG_SUMMARY_FOLLOW_UPS, NC_("map summary", "Awaiting follow-up") },
};

/* The residence statuses beside the people's number. */
static const struct {
  WgSummaryCount  count;
  const char     *label;
} statuses[] = {
  { WG_SUMMARY_REGISTERED, NC_("map summary", "Registered") },
  { WG_SUMMARY_FLOATING, NC_("map summary", "Floating") },
  { WG_SUMMARY_FOREIGN, NC_("map summary", "Foreign") },
};

static void wg_map_grid_panel_load (WgMapGridPanel *self);

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
set_state (WgMapGridPanel    *self,
           WgMapSummaryState  state)
{
  static const char * const pages[] = {
    [WG_MAP_SUMMARY_NONE] = "loading",
    [WG_MAP_SUMMARY_LOADING] = "loading",
    [WG_MAP_SUMMARY_ERROR] = "error",
    [WG_MAP_SUMMARY_SHOWN] = "summary",
  };

  gtk_widget_set_visible (GTK_WIDGET (self->summary_stack), state != WG_MAP_SUMMARY_NONE);
  gtk_stack_set_visible_child_name (self->summary_stack, pages[state]);
  gtk_spinner_set_spinning (self->spinner, state == WG_MAP_SUMMARY_LOADING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid-panel.retry",
                                 state == WG_MAP_SUMMARY_ERROR);
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY_STATE]);
}

static char *
format_count (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A label of @classes (NULL-terminated) with @text. */
static GtkWidget *styled_label (const char *text,
                                float       xalign,
                                ...) G_GNUC_NULL_TERMINATED;

static GtkWidget *
styled_label (const char *text,
              float       xalign,
              ...)
{
  GtkWidget *label = gtk_label_new (text);
  const char *css_class;
  va_list args;

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  va_start (args, xalign);
  while ((css_class = va_arg (args, const char *)) != NULL)
    gtk_widget_add_css_class (label, css_class);
  va_end (args);
  return label;
}

static void
build_tiles (WgMapGridPanel *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *value = styled_label ("", 0, "title-4", "numeric", NULL);
      GtkWidget *name = styled_label (g_dpgettext2 (GETTEXT_PACKAGE, "map summary", tiles[i].label),
                                      0, "caption", "dim-label", NULL);

      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (tile, "wg-summary-tile");
      gtk_box_append (GTK_BOX (tile), value);
      gtk_box_append (GTK_BOX (tile), name);
      gtk_grid_attach (self->counts_grid, tile, i % N_TILE_COLUMNS, i / N_TILE_COLUMNS, 1, 1);
      self->count_labels[tiles[i].count] = GTK_LABEL (value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      GtkWidget *pair = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *value = styled_label ("", 0, "caption", "numeric", NULL);

      gtk_box_append (GTK_BOX (pair),
                      styled_label (g_dpgettext2 (GETTEXT_PACKAGE, "map summary", statuses[i].label),
                                    0, "caption", "dim-label", NULL));
      gtk_box_append (GTK_BOX (pair), value);
      gtk_box_append (GTK_BOX (self->people_detail_box), pair);
      self->count_labels[statuses[i].count] = GTK_LABEL (value);
    }
  self->count_labels[WG_SUMMARY_PEOPLE] = self->people_label;
}

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* The groups that have people, as chips "Elderly living alone 13". */
static void
show_groups (WgMapGridPanel        *self,
             const WgRegionSummary *summary)
{
  guint shown = 0;

  clear_flow_box (self->groups_box);
  for (guint i = 0; i < summary->special_groups->len; i++)
    {
      const WgSummaryGroup *group = g_ptr_array_index (summary->special_groups, i);
      g_autofree char *people = NULL;
      GtkWidget *chip;

      if (group->people == 0)
        continue;
      people = format_count (group->people);
      chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_add_css_class (chip, "wg-summary-chip");
      gtk_box_append (GTK_BOX (chip), styled_label (wg_person_tag_label (group->tag), 0, NULL));
      gtk_box_append (GTK_BOX (chip), styled_label (people, 0, "numeric", "heading", NULL));
      gtk_flow_box_append (self->groups_box, chip);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->groups_box), shown > 0);
  gtk_widget_set_visible (self->no_groups_label, shown == 0);
}

/* The force's label, from the grid-staff kind's choices. */
static const char *
force_label (const char *force)
{
  const WgRecordKind *kind = wg_record_kind_lookup ("grid-staff");
  const WgFieldSpec *field = kind != NULL ? wg_record_kind_field (kind, "force") : NULL;
  const char *label = field != NULL ? wg_field_choice_label (field, force) : NULL;

  return label != NULL ? g_dgettext (GETTEXT_PACKAGE, label) : force;
}

/* One line per member: force, name, phone (selectable, to copy). */
static void
show_staff (WgMapGridPanel        *self,
            const WgRegionSummary *summary)
{
  gboolean grid = g_strcmp0 (summary->level, "grid") == 0;

  clear_grid (self->staff_grid);
  for (guint i = 0; i < summary->staff->len; i++)
    {
      const WgSummaryStaff *staff = g_ptr_array_index (summary->staff, i);
      GtkWidget *name = styled_label (staff->name, 0, NULL);
      GtkWidget *phone = styled_label (staff->phone != NULL ? staff->phone : "", 0, "numeric", NULL);

      gtk_widget_set_hexpand (name, TRUE);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (phone), TRUE);
      gtk_grid_attach (self->staff_grid, styled_label (force_label (staff->force), 0, "dim-label", NULL),
                       0, i, 1, 1);
      gtk_grid_attach (self->staff_grid, name, 1, i, 1, 1);
      gtk_grid_attach (self->staff_grid, phone, 2, i, 1, 1);
    }
  gtk_widget_set_visible (self->staff_section, grid);
  gtk_widget_set_visible (GTK_WIDGET (self->staff_grid), summary->staff->len > 0);
  gtk_widget_set_visible (self->no_staff_label, summary->staff->len == 0);
}

static void
show_summary (WgMapGridPanel  *self,
              WgRegionSummary *summary)
{
  for (guint i = 0; i < WG_SUMMARY_N_COUNTS; i++)
    {
      g_autofree char *text = format_count (summary->counts[i]);

      gtk_label_set_label (self->count_labels[i], text);
    }
  show_groups (self, summary);
  show_staff (self, summary);
  /* The map holds only the user's scope: the summary names what is above. */
  if (summary->community_name != NULL)
    gtk_label_set_label (self->community_label, summary->community_name);
  if (summary->street_name != NULL)
    gtk_label_set_label (self->street_label, summary->street_name);
  g_clear_pointer (&self->summary, wg_region_summary_free);
  self->summary = summary;
  set_state (self, WG_MAP_SUMMARY_SHOWN);
}

static void
wg_map_grid_panel_summary_cb (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  g_autoptr(WgMapGridPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  WgRegionSummary *summary;

  summary = wg_api_client_get_region_summary_finish (WG_API_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (summary != NULL)
    {
      show_summary (self, summary);
      return;
    }
  /* expected when the server is down or the region left the scope */
  g_debug ("No summary of %s: %s", self->code, error->message);
  if (g_error_matches (error, WG_ERROR, WG_ERROR_NOT_FOUND))
    message = g_strdup (C_("map summary", "This region is no longer in your territory. Reload the map."));
  else
    message = wg_error_get_user_message (error);
  gtk_label_set_label (self->error_label, message != NULL ? message : error->message);
  set_state (self, WG_MAP_SUMMARY_ERROR);
}

static void
wg_map_grid_panel_load (WgMapGridPanel *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->summary, wg_region_summary_free);
  if (self->client == NULL || self->code == NULL)
    {
      set_state (self, WG_MAP_SUMMARY_NONE);
      return;
    }
  self->cancellable = g_cancellable_new ();
  set_state (self, WG_MAP_SUMMARY_LOADING);
  wg_api_client_get_region_summary_async (self->client, self->code, self->cancellable,
                                          wg_map_grid_panel_summary_cb, g_object_ref (self));
}

static void
wg_map_grid_panel_action_retry (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  wg_map_grid_panel_load (WG_MAP_GRID_PANEL (widget));
}

/* The horizontal space the card's CSS takes around its content. */
static int
card_frame_width (WgMapGridPanel *self)
{
  GtkStyleContext *style = gtk_widget_get_style_context (self->card);
  GtkBorder margin, border, padding;

  gtk_style_context_get_margin (style, &margin);
  gtk_style_context_get_border (style, &border);
  gtk_style_context_get_padding (style, &padding);
  return margin.left + margin.right + border.left + border.right + padding.left + padding.right;
}

/* GtkScrolledWindow asks its child's natural height for no particular
 * width, which for wrapping labels and flowing chips is far taller than
 * at the panel's width: the panel would stretch to the bottom of the map
 * with empty space.  Its natural height is instead the card's with the
 * content measured at the width it gets.  Taller than the map, the
 * overlay gives it less and the content scrolls. */
static void
wg_map_grid_panel_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  WgMapGridPanel *self = WG_MAP_GRID_PANEL (widget);
  int content_width = for_size - card_frame_width (self);
  int scroller_natural, content_natural;

  gtk_widget_measure (self->card, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation != GTK_ORIENTATION_VERTICAL || for_size < 0 || content_width <= 0)
    return;
  gtk_widget_measure (self->scroller, orientation, -1, NULL, &scroller_natural, NULL, NULL);
  gtk_widget_measure (self->content_box, orientation, content_width, NULL, &content_natural,
                      NULL, NULL);
  *natural = MAX (*minimum, *natural - scroller_natural + content_natural);
}

static GtkSizeRequestMode
wg_map_grid_panel_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wg_map_grid_panel_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  gtk_widget_allocate (WG_MAP_GRID_PANEL (widget)->card, width, height, baseline, NULL);
}

static void
wg_map_grid_panel_dispose (GObject *object)
{
  WgMapGridPanel *self = WG_MAP_GRID_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (object), WG_TYPE_MAP_GRID_PANEL);

  G_OBJECT_CLASS (wg_map_grid_panel_parent_class)->dispose (object);
}

static void
wg_map_grid_panel_finalize (GObject *object)
{
  WgMapGridPanel *self = WG_MAP_GRID_PANEL (object);

  g_clear_pointer (&self->summary, wg_region_summary_free);
  g_free (self->code);

  G_OBJECT_CLASS (wg_map_grid_panel_parent_class)->finalize (object);
}

static void
wg_map_grid_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WgMapGridPanel *self = WG_MAP_GRID_PANEL (object);

  switch (prop_id)
    {
    case PROP_SUMMARY_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_map_grid_panel_class_init (WgMapGridPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_map_grid_panel_dispose;
  object_class->finalize = wg_map_grid_panel_finalize;
  object_class->get_property = wg_map_grid_panel_get_property;
  widget_class->get_request_mode = wg_map_grid_panel_get_request_mode;
  widget_class->measure = wg_map_grid_panel_measure;
  widget_class->size_allocate = wg_map_grid_panel_size_allocate;

  properties[PROP_SUMMARY_STATE] =
    g_param_spec_int ("summary-state", NULL, NULL, WG_MAP_SUMMARY_NONE, WG_MAP_SUMMARY_SHOWN,
                      WG_MAP_SUMMARY_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/map/wg-map-grid-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, card);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, content_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, level_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, name_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, code_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, community_caption);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, community_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, street_caption);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, street_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, type_caption);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, type_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, grade_caption);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, grade_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, grade_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, grade_swatch);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, synthetic_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, people_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, people_detail_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, groups_box);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, no_groups_label);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, staff_section);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, staff_grid);
  gtk_widget_class_bind_template_child (widget_class, WgMapGridPanel, no_staff_label);
  gtk_widget_class_install_action (widget_class, "grid-panel.retry", NULL, wg_map_grid_panel_action_retry);
}

static void
wg_map_grid_panel_init (WgMapGridPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->grade_swatch, draw_grade_swatch, self, NULL);
  build_tiles (self);
  set_state (self, WG_MAP_SUMMARY_NONE);
}

GtkWidget *
wg_map_grid_panel_new (void)
{
  return g_object_new (WG_TYPE_MAP_GRID_PANEL, NULL);
}

void
wg_map_grid_panel_set_client (WgMapGridPanel *self,
                              WgApiClient    *client)
{
  g_return_if_fail (WG_IS_MAP_GRID_PANEL (self));
  g_return_if_fail (client == NULL || WG_IS_API_CLIENT (client));

  if (g_set_object (&self->client, client))
    wg_map_grid_panel_load (self);
}

/* Which lines apply to a region of @level. */
static void
show_lines_for (WgMapGridPanel *self,
                WgRegionLevel   level)
{
  gboolean grid = level == WG_REGION_LEVEL_GRID;
  gboolean below_street = grid || level == WG_REGION_LEVEL_COMMUNITY;

  gtk_widget_set_visible (self->community_caption, grid);
  gtk_widget_set_visible (GTK_WIDGET (self->community_label), grid);
  gtk_widget_set_visible (self->street_caption, below_street);
  gtk_widget_set_visible (GTK_WIDGET (self->street_label), below_street);
  gtk_widget_set_visible (self->type_caption, grid);
  gtk_widget_set_visible (GTK_WIDGET (self->type_label), grid);
  gtk_widget_set_visible (self->grade_caption, grid);
  gtk_widget_set_visible (self->grade_box, grid);
}

void
wg_map_grid_panel_set_region (WgMapGridPanel   *self,
                              const WgMapShape *region,
                              const WgMapShape *community,
                              const WgMapShape *street)
{
  g_return_if_fail (WG_IS_MAP_GRID_PANEL (self));

  g_clear_pointer (&self->code, g_free);
  if (region == NULL)
    {
      gtk_label_set_label (self->code_label, "");
      wg_map_grid_panel_load (self);
      return;
    }
  self->code = g_strdup (region->code);
  self->grade = region->grid_grade;
  gtk_label_set_label (self->level_label, wg_map_style_level_label (region->level));
  gtk_label_set_label (self->name_label, region->name);
  gtk_label_set_label (self->code_label, region->code);
  /* a community's street is its parent: the caller passes it as @street */
  gtk_label_set_label (self->community_label, shape_title (community));
  gtk_label_set_label (self->street_label, shape_title (street));
  gtk_label_set_label (self->type_label, wg_map_style_grid_type_label (region->grid_type));
  gtk_label_set_label (self->grade_label, wg_map_style_grade_label (region->grid_grade));
  gtk_widget_set_visible (self->synthetic_label, region->synthetic && region->level == WG_REGION_LEVEL_GRID);
  show_lines_for (self, region->level);
  gtk_widget_queue_draw (GTK_WIDGET (self->grade_swatch));
  wg_map_grid_panel_load (self);
}

const char *
wg_map_grid_panel_get_code (WgMapGridPanel *self)
{
  g_return_val_if_fail (WG_IS_MAP_GRID_PANEL (self), "");
  return gtk_label_get_label (self->code_label);
}

WgMapSummaryState
wg_map_grid_panel_get_summary_state (WgMapGridPanel *self)
{
  g_return_val_if_fail (WG_IS_MAP_GRID_PANEL (self), WG_MAP_SUMMARY_NONE);
  return self->state;
}

const WgRegionSummary *
wg_map_grid_panel_get_summary (WgMapGridPanel *self)
{
  g_return_val_if_fail (WG_IS_MAP_GRID_PANEL (self), NULL);
  return self->summary;
}

const char *
wg_map_grid_panel_get_count_text (WgMapGridPanel *self,
                                  WgSummaryCount  count)
{
  g_return_val_if_fail (WG_IS_MAP_GRID_PANEL (self), NULL);
  g_return_val_if_fail (count < WG_SUMMARY_N_COUNTS, NULL);
  return gtk_label_get_label (self->count_labels[count]);
}
