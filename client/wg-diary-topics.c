#define G_LOG_DOMAIN "wg-diary-topics"

#include "config.h"

#include "wg-diary-rules.h"
#include "wg-diary-topics.h"

struct _WgDiaryTopics
{
  GtkWidget parent_instance;

  GPtrArray *topics;           /* char *, in the order chosen */
  GStrv strv;                  /* what get_topics() answered last */
  GPtrArray *suggestions;      /* GtkToggleButton, one per suggestion */
  gboolean syncing;

  GtkWidget *box;
  GtkFlowBox *chips;
  GtkEntry *entry;
};

G_DEFINE_FINAL_TYPE (WgDiaryTopics, wg_diary_topics, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void wg_diary_topics_chip_toggled_cb (WgDiaryTopics   *self,
                                             GtkToggleButton *chip);

static const char *
wg_diary_topics_chip_topic (GtkWidget *chip)
{
  return g_object_get_data (G_OBJECT (chip), "wg-topic");
}

static GtkWidget *
wg_diary_topics_new_chip (WgDiaryTopics *self,
                          const char    *topic)
{
  GtkWidget *chip = gtk_toggle_button_new_with_label (topic);

  g_object_set_data_full (G_OBJECT (chip), "wg-topic", g_strdup (topic), g_free);
  gtk_widget_set_focus_on_click (chip, FALSE);
  g_signal_connect_object (chip, "toggled", G_CALLBACK (wg_diary_topics_chip_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_flow_box_append (self->chips, chip);
  return chip;
}

static gboolean
wg_diary_topics_is_suggestion (WgDiaryTopics *self,
                               const char    *topic)
{
  for (guint i = 0; i < self->suggestions->len; i++)
    if (g_str_equal (wg_diary_topics_chip_topic (g_ptr_array_index (self->suggestions, i)), topic))
      return TRUE;
  return FALSE;
}

static gboolean
wg_diary_topics_has (WgDiaryTopics *self,
                     const char    *topic)
{
  return g_ptr_array_find_with_equal_func (self->topics, topic, g_str_equal, NULL);
}

/* The chips show the list: suggestions on or off, one chip per other topic. */
static void
wg_diary_topics_sync_chips (WgDiaryTopics *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips));

  self->syncing = TRUE;
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (!g_ptr_array_find (self->suggestions, chip, NULL))
        gtk_flow_box_remove (self->chips, child);
      child = next;
    }
  for (guint i = 0; i < self->suggestions->len; i++)
    {
      GtkWidget *chip = g_ptr_array_index (self->suggestions, i);

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip),
                                    wg_diary_topics_has (self, wg_diary_topics_chip_topic (chip)));
    }
  for (guint i = 0; i < self->topics->len; i++)
    if (!wg_diary_topics_is_suggestion (self, g_ptr_array_index (self->topics, i)))
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (wg_diary_topics_new_chip (self, g_ptr_array_index (self->topics, i))),
                                    TRUE);
  self->syncing = FALSE;
}

/* Callbacks */

static void
wg_diary_topics_chip_toggled_cb (WgDiaryTopics   *self,
                                 GtkToggleButton *chip)
{
  const char *topic = wg_diary_topics_chip_topic (GTK_WIDGET (chip));
  guint index;

  if (self->syncing)
    return;
  if (gtk_toggle_button_get_active (chip) && !wg_diary_topics_has (self, topic))
    g_ptr_array_add (self->topics, g_strdup (topic));
  else if (!gtk_toggle_button_get_active (chip) &&
           g_ptr_array_find_with_equal_func (self->topics, topic, g_str_equal, &index))
    g_ptr_array_remove_index (self->topics, index);
  /* another topic turned off goes away; a suggestion stays offered */
  if (!gtk_toggle_button_get_active (chip))
    wg_diary_topics_sync_chips (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
wg_diary_topics_entry_activate_cb (WgDiaryTopics *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  wg_diary_topics_add_text (self, text);
}

/* GObject */

static void
wg_diary_topics_dispose (GObject *object)
{
  WgDiaryTopics *self = WG_DIARY_TOPICS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WG_TYPE_DIARY_TOPICS);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);

  G_OBJECT_CLASS (wg_diary_topics_parent_class)->dispose (object);
}

static void
wg_diary_topics_finalize (GObject *object)
{
  WgDiaryTopics *self = WG_DIARY_TOPICS (object);

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_strfreev (self->strv);

  G_OBJECT_CLASS (wg_diary_topics_parent_class)->finalize (object);
}

static void
wg_diary_topics_class_init (WgDiaryTopicsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wg_diary_topics_dispose;
  object_class->finalize = wg_diary_topics_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/wangge/Wangge/wg-diary-topics.ui");
  gtk_widget_class_bind_template_child (widget_class, WgDiaryTopics, box);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryTopics, chips);
  gtk_widget_class_bind_template_child (widget_class, WgDiaryTopics, entry);
  gtk_widget_class_bind_template_callback (widget_class, wg_diary_topics_entry_activate_cb);
}

static void
wg_diary_topics_init (WgDiaryTopics *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->topics = g_ptr_array_new_with_free_func (g_free);
  self->suggestions = g_ptr_array_new ();
  for (guint i = 0; wg_diary_topic_suggestions[i] != NULL; i++)
    g_ptr_array_add (self->suggestions,
                     wg_diary_topics_new_chip (self, wg_diary_topic_label (wg_diary_topic_suggestions[i])));
}

/* Public API */

GtkWidget *
wg_diary_topics_new (void)
{
  return g_object_new (WG_TYPE_DIARY_TOPICS, NULL);
}

const char * const *
wg_diary_topics_get_topics (WgDiaryTopics *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (WG_IS_DIARY_TOPICS (self), NULL);

  for (guint i = 0; i < self->topics->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->topics, i));
  g_strfreev (self->strv);
  self->strv = g_strv_builder_end (builder);
  return (const char * const *) self->strv;
}

void
wg_diary_topics_set_topics (WgDiaryTopics      *self,
                            const char * const *topics)
{
  g_return_if_fail (WG_IS_DIARY_TOPICS (self));

  g_ptr_array_set_size (self->topics, 0);
  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    if (!wg_diary_topics_has (self, topics[i]))
      g_ptr_array_add (self->topics, g_strdup (topics[i]));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  wg_diary_topics_sync_chips (self);
}

void
wg_diary_topics_add_text (WgDiaryTopics *self,
                          const char    *text)
{
  g_auto(GStrv) topics = wg_diary_split_topics (text);
  gboolean added = FALSE;

  g_return_if_fail (WG_IS_DIARY_TOPICS (self));

  for (guint i = 0; topics[i] != NULL; i++)
    if (!wg_diary_topics_has (self, topics[i]))
      {
        g_ptr_array_add (self->topics, g_strdup (topics[i]));
        added = TRUE;
      }
  if (!added)
    return;
  wg_diary_topics_sync_chips (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
