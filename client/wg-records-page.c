#define G_LOG_DOMAIN "wg-records-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "wg-import-dialog.h"
#include "wg-person-rules.h"
#include "wg-record-rules.h"
#include "wg-records-export.h"
#include "wg-records-page.h"

struct _WgRecordsPage
{
  GtkWidget parent_instance;

  WgApiClient *client;
  guint role_mask;
  GPtrArray *list_views;       /* WgRecordListView, in the stack's order */
  GtkStringList *kind_labels;  /* the drop-down's: People, then the kinds */
  GPtrArray *kind_names;       /* parallel: "people", then kind->name */
  gboolean syncing;

  GtkWidget *box;
  GtkDropDown *kind_dropdown;
  AdwViewStack *stack;
  WgPeopleView *people_view;
};

G_DEFINE_FINAL_TYPE (WgRecordsPage, wg_records_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SHOW_GRID,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wg_records_page_update_actions (WgRecordsPage *self);

/* The switcher's icon of each kind (presentation only). */
static const struct {
  const char *kind;
  const char *icon_name;
} kind_icons[] = {
  { "households", "go-home-symbolic" },
  { "houses", "user-home-symbolic" },
  { "land-parcels", "find-location-symbolic" },
  { "components", "applications-engineering-symbolic" },
  { "organizations", "network-workgroup-symbolic" },
  { "underground-spaces", "drive-harddisk-system-symbolic" },
  { "grid-staff", "x-office-address-book-symbolic" },
};

static const char *
wg_records_page_icon_name (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_icons); i++)
    if (g_str_equal (kind_icons[i].kind, kind))
      return kind_icons[i].icon_name;
  return "x-office-document-symbolic";
}

/* Callbacks */

static void
wg_records_page_show_grid_cb (WgRecordsPage *self,
                              const char    *code)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_GRID], 0, code);
}

static void
wg_records_page_open_person_cb (WgRecordsPage *self,
                                gint64         id)
{
  adw_view_stack_set_visible_child_name (self->stack, "people");
  wg_people_view_show_person (self->people_view, id);
}

static void
wg_records_page_open_record_cb (WgRecordsPage *self,
                                const char    *kind,
                                gint64         id)
{
  WgRecordListView *view = wg_records_page_get_list_view (self, kind);

  if (view == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->stack, kind);
  wg_record_list_view_show_record (view, id);
}

/* The drop-down of the narrowest width follows the stack, and leads it. */
static void
wg_records_page_visible_child_cb (WgRecordsPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);

  if (self->list_views != NULL)
    wg_records_page_update_actions (self);
  if (self->syncing || self->kind_names == NULL)
    return;
  for (guint i = 0; i < self->kind_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->kind_names, i), name) == 0)
      {
        self->syncing = TRUE;
        gtk_drop_down_set_selected (self->kind_dropdown, i);
        self->syncing = FALSE;
      }
}

static void
wg_records_page_kind_selected_cb (WgRecordsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  if (self->syncing || self->kind_names == NULL || selected >= self->kind_names->len)
    return;
  self->syncing = TRUE;
  adw_view_stack_set_visible_child_name (self->stack, g_ptr_array_index (self->kind_names, selected));
  self->syncing = FALSE;
}

/* Sub-pages */

static void
wg_records_page_add_kind (WgRecordsPage      *self,
                          const WgRecordKind *kind,
                          WgUser             *user)
{
  GtkWidget *view = wg_record_list_view_new (kind);
  AdwViewStackPage *page;

  page = adw_view_stack_add_titled (self->stack, view, kind->name, wg_record_kind_get_label (kind));
  adw_view_stack_page_set_icon_name (page, wg_records_page_icon_name (kind->name));
  g_signal_connect_object (view, "show-grid", G_CALLBACK (wg_records_page_show_grid_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "open-person", G_CALLBACK (wg_records_page_open_person_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "open-record", G_CALLBACK (wg_records_page_open_record_cb), self,
                           G_CONNECT_SWAPPED);
  wg_record_list_view_set_session (WG_RECORD_LIST_VIEW (view), self->client, user);
  g_ptr_array_add (self->list_views, view);
  gtk_string_list_append (self->kind_labels, wg_record_kind_get_label (kind));
  g_ptr_array_add (self->kind_names, g_strdup (kind->name));
}

static void
wg_records_page_add_kinds (WgRecordsPage *self,
                           WgUser        *user)
{
  const WgRecordKind * const *kinds = wg_record_kinds ();
  guint role_mask = user != NULL ? wg_user_get_role_mask (user) : 0;

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      /* the diary has a page of its own */
      if (g_str_equal (kinds[i]->name, "diary") || !wg_record_kind_may_read (kinds[i], role_mask))
        continue;
      wg_records_page_add_kind (self, kinds[i], user);
    }
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (self->kind_labels));
}

/* Actions: one place decides. */

static const WgRecordKind *
wg_records_page_visible_record_kind (WgRecordsPage *self)
{
  return wg_record_kind_lookup (adw_view_stack_get_visible_child_name (self->stack));
}

static void
wg_records_page_update_actions (WgRecordsPage *self)
{
  const WgRecordKind *kind = wg_records_page_visible_record_kind (self);
  gboolean write = kind != NULL ? wg_record_kind_may_write (kind, self->role_mask)
                                : wg_person_may (self->role_mask, WG_PERSON_PERMISSION_WRITE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.import", self->client != NULL && write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.export", self->client != NULL);
}

static void
wg_records_page_list_imported_cb (WgRecordsPage *self,
                                  guint          count,
                                  GtkWidget     *dialog)
{
  const char *kind = g_object_get_data (G_OBJECT (dialog), "wg-kind");
  WgRecordListView *view = wg_records_page_get_list_view (self, kind);

  if (view != NULL)
    wg_paged_model_reload (WG_PAGED_MODEL (wg_record_list_view_get_model (view)));
  else
    wg_people_model_reload (wg_people_view_get_model (self->people_view));
}

static void
wg_records_page_action_import (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WgRecordsPage *self = WG_RECORDS_PAGE (widget);
  const WgRecordKind *kind = wg_records_page_visible_record_kind (self);
  const char *name = kind != NULL ? kind->name : "people";
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = wg_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->client, name,
                                 kind != NULL ? wg_record_kind_get_label (kind) : _("People"));
  g_object_set_data_full (G_OBJECT (dialog), "wg-kind", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (wg_records_page_list_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
wg_records_page_action_export (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  WgRecordsPage *self = WG_RECORDS_PAGE (widget);
  const WgRecordKind *kind = wg_records_page_visible_record_kind (self);
  WgRecordListView *view = kind != NULL ? wg_records_page_get_list_view (self, kind->name) : NULL;
  g_autoptr(GHashTable) filters = view != NULL ? wg_record_list_view_dup_filters (view)
                                               : wg_people_view_dup_filters (self->people_view);
  GtkRoot *root = gtk_widget_get_root (widget);

  wg_records_export (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->client,
                     kind != NULL ? kind->name : "people", filters);
}

/* GObject */

static void
wg_records_page_dispose (GObject *object)
{
  WgRecordsPage *self = WG_RECORDS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_RECORDS_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->kind_labels);

  G_OBJECT_CLASS (wg_records_page_parent_class)->dispose (object);
}

static void
wg_records_page_finalize (GObject *object)
{
  WgRecordsPage *self = WG_RECORDS_PAGE (object);

  g_clear_pointer (&self->list_views, g_ptr_array_unref);
  g_clear_pointer (&self->kind_names, g_ptr_array_unref);

  G_OBJECT_CLASS (wg_records_page_parent_class)->finalize (object);
}

static void
wg_records_page_class_init (WgRecordsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_records_page_dispose;
  object_class->finalize = wg_records_page_finalize;

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
  gtk_widget_class_bind_template_child (widget_class, WgRecordsPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WgRecordsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, WgRecordsPage, people_view);
  gtk_widget_class_bind_template_callback (widget_class, wg_records_page_show_grid_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_records_page_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_records_page_kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "records.import", NULL, wg_records_page_action_import);
  gtk_widget_class_install_action (widget_class, "records.export", NULL, wg_records_page_action_export);
}

static void
wg_records_page_init (WgRecordsPage *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;
  self->list_views = g_ptr_array_new ();
  self->kind_labels = gtk_string_list_new (NULL);
  self->kind_names = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (self->kind_labels, _("People"));
  g_ptr_array_add (self->kind_names, g_strdup ("people"));
  wg_records_page_update_actions (self);
}

/* Public API */

GtkWidget *
wg_records_page_new (WgApiClient *client,
                     WgUser      *user)
{
  WgRecordsPage *self = g_object_new (WG_TYPE_RECORDS_PAGE, NULL);

  self->client = g_object_ref (client);
  self->role_mask = user != NULL ? wg_user_get_role_mask (user) : 0;
  wg_people_view_set_session (self->people_view, client, user);
  wg_records_page_add_kinds (self, user);
  wg_records_page_update_actions (self);
  return GTK_WIDGET (self);
}

void
wg_records_page_set_regions (WgRecordsPage *self,
                             GListModel    *regions)
{
  g_return_if_fail (WG_IS_RECORDS_PAGE (self));

  wg_people_view_set_regions (self->people_view, regions);
  for (guint i = 0; i < self->list_views->len; i++)
    wg_record_list_view_set_regions (g_ptr_array_index (self->list_views, i), regions);
}

WgPeopleView *
wg_records_page_get_people_view (WgRecordsPage *self)
{
  g_return_val_if_fail (WG_IS_RECORDS_PAGE (self), NULL);
  return self->people_view;
}

WgRecordListView *
wg_records_page_get_list_view (WgRecordsPage *self,
                               const char    *kind)
{
  g_return_val_if_fail (WG_IS_RECORDS_PAGE (self), NULL);

  for (guint i = 0; i < self->list_views->len; i++)
    {
      WgRecordListView *view = g_ptr_array_index (self->list_views, i);

      if (g_strcmp0 (wg_record_list_view_get_kind (view)->name, kind) == 0)
        return view;
    }
  return NULL;
}

gboolean
wg_records_page_show_kind (WgRecordsPage *self,
                           const char    *kind)
{
  g_return_val_if_fail (WG_IS_RECORDS_PAGE (self), FALSE);

  if (adw_view_stack_get_child_by_name (self->stack, kind) == NULL)
    return FALSE;
  adw_view_stack_set_visible_child_name (self->stack, kind);
  return TRUE;
}

const char *
wg_records_page_get_visible_kind (WgRecordsPage *self)
{
  g_return_val_if_fail (WG_IS_RECORDS_PAGE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}
