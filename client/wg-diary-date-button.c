#define G_LOG_DOMAIN "wg-diary-date-button"

#include "config.h"

#include <stdio.h>

#include "wg-diary-date-button.h"
#include "wg-validate.h"

struct _WgDiaryDateButton
{
  GtkWidget parent_instance;

  char *date;
  char *placeholder;
  gboolean setting;

  GtkMenuButton *button;
  GtkPopover *popover;
  GtkCalendar *calendar;
  GtkWidget *clear_button;
};

G_DEFINE_FINAL_TYPE (WgDiaryDateButton, wg_diary_date_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wg_diary_date_button_update_label (WgDiaryDateButton *self)
{
  gtk_menu_button_set_label (self->button, self->date != NULL ? self->date
                                           : self->placeholder != NULL ? self->placeholder : "");
}

/* Callbacks */

static void
wg_diary_date_button_day_selected_cb (WgDiaryDateButton *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  if (self->setting)
    return;
  wg_diary_date_button_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
wg_diary_date_button_today_cb (WgDiaryDateButton *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

  wg_diary_date_button_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
wg_diary_date_button_clear_cb (WgDiaryDateButton *self)
{
  wg_diary_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

/* GObject */

static void
wg_diary_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WG_TYPE_DIARY_DATE_BUTTON);

  G_OBJECT_CLASS (wg_diary_date_button_parent_class)->dispose (object);
}

static void
wg_diary_date_button_finalize (GObject *object)
{
  WgDiaryDateButton *self = WG_DIARY_DATE_BUTTON (object);

  g_free (self->date);
  g_free (self->placeholder);

  G_OBJECT_CLASS (wg_diary_date_button_parent_class)->finalize (object);
}

static void
wg_diary_date_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  WgDiaryDateButton *self = WG_DIARY_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_diary_date_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  WgDiaryDateButton *self = WG_DIARY_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      wg_diary_date_button_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wg_diary_date_button_class_init (WgDiaryDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_diary_date_button_dispose;
  object_class->finalize = wg_diary_date_button_finalize;
  object_class->get_property = wg_diary_date_button_get_property;
  object_class->set_property = wg_diary_date_button_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-diary-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryDateButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_date_button_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_date_button_today_cb);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_date_button_clear_cb);
}

static void
wg_diary_date_button_init (WgDiaryDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wg_diary_date_button_update_label (self);
}

/* Public API */

GtkWidget *
wg_diary_date_button_new (void)
{
  return g_object_new (WG_TYPE_DIARY_DATE_BUTTON, NULL);
}

const char *
wg_diary_date_button_get_date (WgDiaryDateButton *self)
{
  g_return_val_if_fail (WG_IS_DIARY_DATE_BUTTON (self), NULL);
  return self->date;
}

/* The calendar shows @date, or today's month when none. */
static void
wg_diary_date_button_show_on_calendar (WgDiaryDateButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  guint year;
  guint month;
  guint mday;

  if (self->date != NULL && sscanf (self->date, "%4u-%2u-%2u", &year, &month, &mday) == 3)
    day = g_date_time_new_local ((gint) year, (gint) month, (gint) mday, 0, 0, 0);
  if (day == NULL)
    day = g_date_time_new_now_local ();
  self->setting = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->setting = FALSE;
}

void
wg_diary_date_button_set_date (WgDiaryDateButton *self,
                               const char        *date)
{
  g_return_if_fail (WG_IS_DIARY_DATE_BUTTON (self));

  if (date != NULL && !wg_validate_date (date, "date", NULL, NULL))
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  wg_diary_date_button_update_label (self);
  wg_diary_date_button_show_on_calendar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

void
wg_diary_date_button_set_placeholder (WgDiaryDateButton *self,
                                      const char        *placeholder)
{
  g_return_if_fail (WG_IS_DIARY_DATE_BUTTON (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  wg_diary_date_button_update_label (self);
}

void
wg_diary_date_button_set_allow_empty (WgDiaryDateButton *self,
                                      gboolean           allow_empty)
{
  g_return_if_fail (WG_IS_DIARY_DATE_BUTTON (self));
  gtk_widget_set_visible (self->clear_button, allow_empty);
}
