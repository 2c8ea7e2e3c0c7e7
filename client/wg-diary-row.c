#define G_LOG_DOMAIN "wg-diary-row"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-diary-rules.h"
#include "wg-diary-row.h"

struct _WgDiaryRow
{
  GtkWidget parent_instance;

  WgRecordItem *item;
  WgDiaryEntry *entry;           /* read from the item */

  GtkWidget *box;
  GtkLabel *date_label;
  GtkLabel *grid_label;
  GtkWidget *flag_image;
  GtkLabel *meta_label;
  GtkLabel *excerpt_label;
};

G_DEFINE_FINAL_TYPE (WgDiaryRow, wg_diary_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "张丽 · 6 households · 环境卫生、安全隐患" */
static char *
wg_diary_row_meta_text (WgDiaryEntry *entry)
{
  g_autoptr(GString) text = g_string_new (wg_diary_entry_get_author (entry));
  g_autofree char *topics = wg_diary_join_topics (wg_diary_entry_get_topics (entry));
  gint visited = wg_diary_entry_get_households_visited (entry);

  if (visited >= 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d household visited",
                                                 "%d households visited", (gulong) visited), visited);
    }
  if (*topics != '\0')
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, topics);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
wg_diary_row_fill (WgDiaryRow *self)
{
  g_autofree char *today = wg_diary_today ();
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *excerpt = NULL;

  if (self->entry == NULL)
    return;
  date = wg_diary_format_date (wg_diary_entry_get_date (self->entry), today);
  meta = wg_diary_row_meta_text (self->entry);
  excerpt = wg_diary_excerpt (wg_diary_entry_get_body (self->entry));
  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->grid_label, wg_diary_entry_get_grid_name (self->entry));
  gtk_label_set_text (self->meta_label, meta);
  gtk_label_set_text (self->excerpt_label, excerpt);
  gtk_widget_set_visible (self->flag_image, wg_diary_entry_get_follow_up (self->entry));
}

static void
wg_diary_row_dispose (GObject *object)
{
  WgDiaryRow *self = WG_DIARY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_DIARY_ROW);
  g_clear_object (&self->entry);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (wg_diary_row_parent_class)->dispose (object);
}

static void
wg_diary_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, WG_DIARY_ROW (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_diary_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      wg_diary_row_set_item (WG_DIARY_ROW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_diary_row_class_init (WgDiaryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_diary_row_dispose;
  object_class->get_property = wg_diary_row_get_property;
  object_class->set_property = wg_diary_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, WG_TYPE_RECORD_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-diary-row.ui");
  gtk_widget_class_bind_template_child (widget_class, WgDiaryRow, box);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryRow, grid_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryRow, flag_image);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryRow, meta_label);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryRow, excerpt_label);
}

static void
wg_diary_row_init (WgDiaryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

WgDiaryEntry *
wg_diary_row_get_entry (WgDiaryRow *self)
{
  g_return_val_if_fail (WG_IS_DIARY_ROW (self), NULL);
  return self->entry;
}

void
wg_diary_row_set_item (WgDiaryRow   *self,
                       WgRecordItem *item)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (WG_IS_DIARY_ROW (self));

  if (!g_set_object (&self->item, item))
    return;
  g_clear_object (&self->entry);
  if (item != NULL)
    self->entry = wg_diary_entry_new_from_item (item, &error);
  if (error != NULL)
    g_warning ("A diary row cannot show its entry: %s", error->message);
  wg_diary_row_fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
