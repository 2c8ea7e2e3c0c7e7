#define G_LOG_DOMAIN "wg-region-filter"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-region.h"
#include "wg-region-filter.h"

static void
wg_region_filter_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item,
                           gpointer                  indent)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
wg_region_filter_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  indent)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  guint level = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (string), "wg-level"));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_margin_start (label, indent != NULL && level > WG_REGION_LEVEL_STREET
                                      ? 16 * (level - WG_REGION_LEVEL_STREET) : 0);
}

static GtkListItemFactory *
wg_region_filter_factory (gboolean indent)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (wg_region_filter_setup_cb), GINT_TO_POINTER (indent));
  g_signal_connect (factory, "bind", G_CALLBACK (wg_region_filter_bind_cb), GINT_TO_POINTER (indent));
  return factory;
}

static int
wg_region_filter_compare_codes (gconstpointer a,
                                gconstpointer b)
{
  /* codes nest (110101001 < 110101001001 < 110101001001001), so the
   * order of the codes is the order of the tree */
  return g_strcmp0 (wg_region_get_code (*(WgRegion **) a), wg_region_get_code (*(WgRegion **) b));
}

void
wg_region_filter_init (GtkDropDown   *dropdown,
                       GtkStringList *labels,
                       GPtrArray     *codes)
{
  g_autoptr(GtkListItemFactory) button_factory = wg_region_filter_factory (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = wg_region_filter_factory (TRUE);
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  gtk_string_list_append (labels, _("All of my territory"));
  g_ptr_array_add (codes, NULL);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
}

void
wg_region_filter_fill (GtkDropDown   *dropdown,
                       GtkStringList *labels,
                       GPtrArray     *codes,
                       GListModel    *regions)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = regions != NULL ? g_list_model_get_n_items (regions) : 0;

  for (guint i = 0; i < n; i++)
    {
      WgRegion *region = g_list_model_get_item (regions, i);

      if (wg_region_get_level (region) != WG_REGION_LEVEL_DISTRICT)
        g_ptr_array_add (sorted, region);
      else
        g_object_unref (region);
    }
  g_ptr_array_sort (sorted, wg_region_filter_compare_codes);

  gtk_drop_down_set_selected (dropdown, 0);
  gtk_string_list_splice (labels, 1, g_list_model_get_n_items (G_LIST_MODEL (labels)) - 1, NULL);
  g_ptr_array_set_size (codes, 1);
  for (guint i = 0; i < sorted->len; i++)
    {
      WgRegion *region = g_ptr_array_index (sorted, i);
      g_autoptr(GObject) item = NULL;

      gtk_string_list_append (labels, wg_region_get_name (region));
      item = g_list_model_get_item (G_LIST_MODEL (labels), i + 1);
      g_object_set_data (item, "wg-level", GUINT_TO_POINTER (wg_region_get_level (region)));
      g_ptr_array_add (codes, g_strdup (wg_region_get_code (region)));
    }
}

const char *
wg_region_filter_get_selected (GtkDropDown *dropdown,
                               GPtrArray   *codes)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < codes->len ? g_ptr_array_index (codes, selected) : NULL;
}

gboolean
wg_region_filter_select (GtkDropDown *dropdown,
                         GPtrArray   *codes,
                         const char  *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return TRUE;
      }
  return FALSE;
}
