#define G_LOG_DOMAIN "wg-map-style"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-map-style.h"

#define FILL_ALPHA 0.45

/* Okabe & Ito (2008): sky blue, yellow, orange, reddish purple — calm to
 * urgent, and apart in lightness as well as hue. */
static const WgMapColor grade_colors[] = {
  [WG_GRID_GRADE_NONE] = { 0.62, 0.64, 0.67, 1.0 },
  [WG_GRID_GRADE_ROUTINE] = { 0.337, 0.706, 0.914, 1.0 },
  [WG_GRID_GRADE_GENERAL] = { 0.941, 0.894, 0.259, 1.0 },
  [WG_GRID_GRADE_KEY] = { 0.902, 0.624, 0.0, 1.0 },
  [WG_GRID_GRADE_COMPREHENSIVE] = { 0.800, 0.475, 0.655, 1.0 },
};

static const WgMapColor line_colors[] = {
  [WG_REGION_LEVEL_DISTRICT] = { 0.16, 0.22, 0.30, 0.95 },
  [WG_REGION_LEVEL_STREET] = { 0.22, 0.30, 0.40, 0.90 },
  [WG_REGION_LEVEL_COMMUNITY] = { 0.34, 0.42, 0.52, 0.80 },
  [WG_REGION_LEVEL_GRID] = { 1.0, 1.0, 1.0, 0.85 },
};

WgMapColor
wg_map_style_grade_color (WgGridGrade grade)
{
  WgMapColor color = wg_map_style_grade_swatch (grade);

  color.alpha = FILL_ALPHA;
  return color;
}

WgMapColor
wg_map_style_grade_swatch (WgGridGrade grade)
{
  if ((guint) grade >= G_N_ELEMENTS (grade_colors))
    grade = WG_GRID_GRADE_NONE;
  return grade_colors[grade];
}

const char *
wg_map_style_grade_label (WgGridGrade grade)
{
  switch (grade)
    {
    case WG_GRID_GRADE_ROUTINE:
      /* Translators: grid grade */
      return _("Routine management");
    case WG_GRID_GRADE_GENERAL:
      /* Translators: grid grade */
      return _("General watch");
    case WG_GRID_GRADE_KEY:
      /* Translators: grid grade */
      return _("Key attention");
    case WG_GRID_GRADE_COMPREHENSIVE:
      /* Translators: grid grade */
      return _("Comprehensive treatment");
    case WG_GRID_GRADE_NONE:
    default:
      return "";
    }
}

const char *
wg_map_style_grid_type_label (WgGridType type)
{
  switch (type)
    {
    case WG_GRID_TYPE_RESIDENTIAL:
      /* Translators: grid type */
      return _("Residential");
    case WG_GRID_TYPE_COMMERCIAL:
      /* Translators: grid type */
      return _("Commercial");
    case WG_GRID_TYPE_INSTITUTIONAL:
      /* Translators: grid type */
      return _("Institutions");
    case WG_GRID_TYPE_CROWDED:
      /* Translators: grid type */
      return _("Crowded places");
    case WG_GRID_TYPE_NONE:
    default:
      return "";
    }
}

const char *
wg_map_style_level_label (WgRegionLevel level)
{
  switch (level)
    {
    case WG_REGION_LEVEL_DISTRICT:
      return C_("region level", "District");
    case WG_REGION_LEVEL_STREET:
      return C_("region level", "Street");
    case WG_REGION_LEVEL_COMMUNITY:
      return C_("region level", "Community");
    case WG_REGION_LEVEL_GRID:
    default:
      return C_("region level", "Grid");
    }
}

double
wg_map_style_line_width (WgRegionLevel level,
                         int           zoom)
{
  switch (level)
    {
    case WG_REGION_LEVEL_DISTRICT:
      return zoom < 12 ? 2.5 : 3.5;
    case WG_REGION_LEVEL_STREET:
      return zoom < 12 ? 1.6 : zoom < 15 ? 2.4 : 3.2;
    case WG_REGION_LEVEL_COMMUNITY:
      return zoom < 12 ? 0.6 : zoom < 15 ? 1.1 : 1.8;
    case WG_REGION_LEVEL_GRID:
    default:
      /* Below 13 a grid is a few pixels wide: the fills alone say enough. */
      return zoom < 13 ? 0.0 : zoom < 15 ? 0.6 : 1.0;
    }
}

WgMapColor
wg_map_style_line_color (WgRegionLevel level)
{
  if ((guint) level >= G_N_ELEMENTS (line_colors))
    level = WG_REGION_LEVEL_GRID;
  return line_colors[level];
}

gboolean
wg_map_style_label_visible (WgRegionLevel level,
                            double        zoom)
{
  switch (level)
    {
    case WG_REGION_LEVEL_DISTRICT:
      return zoom < 11.5;
    case WG_REGION_LEVEL_STREET:
      return zoom >= 11.5 && zoom < 15.0;
    case WG_REGION_LEVEL_COMMUNITY:
      return zoom >= 14.5 && zoom < 16.5;
    case WG_REGION_LEVEL_GRID:
    default:
      return zoom >= 16.0;
    }
}

double
wg_map_style_label_size (WgRegionLevel level)
{
  switch (level)
    {
    case WG_REGION_LEVEL_DISTRICT:
      return 13.0;
    case WG_REGION_LEVEL_STREET:
      return 11.0;
    case WG_REGION_LEVEL_COMMUNITY:
      return 10.0;
    case WG_REGION_LEVEL_GRID:
    default:
      return 9.0;
    }
}
