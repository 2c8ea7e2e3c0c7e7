#define G_LOG_DOMAIN "wg-records-page"

#include "config.h"

#include <adwaita.h>

#include "wg-records-page.h"

struct _WgRecordsPage
{
  GtkWidget parent_instance;

  GtkWidget *box;
  AdwViewStack *stack;
  WgPeopleView *people_view;
};

G_DEFINE_FINAL_TYPE (WgRecordsPage, wg_records_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_GRID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
wg_records_page_show_grid_cb (WgRecordsPage *self,
                              const char    *code,
                              WgPeopleView  *view)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, code);
}

static void
wg_records_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WG_TYPE_RECORDS_PAGE);

  G_OBJECT_CLASS (wg_records_page_parent_class)->dispose (object);
}

static void
wg_records_page_class_init (WgRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_records_page_dispose;

  /**
   * WgRecordsPage::show-grid:
   * @code: a grid's code
   */
  signals[SIGNAL_SHOW_GRID] =
    g_signal_new ("show-grid", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (WG_TYPE_PEOPLE_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WgRecordsPage, box);
  gtk_widget_class_bind_template_child (widget_class, WgRecordsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WgRecordsPage, people_view);
  gtk_widget_class_bind_template_callback (widget_class, wg_records_page_show_grid_cb);
}

static void
wg_records_page_init (WgRecordsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
wg_records_page_new (WgApiClient *client,
                     WgUser      *user)
{
  WgRecordsPage *self = g_object_new (WG_TYPE_RECORDS_PAGE, NULL);

  wg_people_view_set_session (self->people_view, client, user);
  return GTK_WIDGET (self);
}

void
wg_records_page_set_regions (WgRecordsPage *self,
                             GListModel    *regions)
{
  g_return_if_fail (WG_IS_RECORDS_PAGE (self));
  wg_people_view_set_regions (self->people_view, regions);
}

WgPeopleView *
wg_records_page_get_people_view (WgRecordsPage *self)
{
  g_return_val_if_fail (WG_IS_RECORDS_PAGE (self), NULL);
  return self->people_view;
}
