#define G_LOG_DOMAIN "wg-list-status"

#include "config.h"

#include <glib/gi18n.h>

#include "wg-error-messages.h"
#include "wg-list-status.h"

char *
wg_list_status_show (const WgListStatus *status,
                     WgPagedModel       *model,
                     char               *count_text)
{
  g_autofree char *text = count_text;
  gint64 total = wg_paged_model_get_total (model);
  gboolean loading = wg_paged_model_get_loading (model);
  const GError *error = wg_paged_model_get_error (model);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  if (total < 0 || text == NULL)
    {
      g_free (text);
      text = g_strdup (loading ? _("Searching…") : "");
    }
  gtk_label_set_text (status->count_label, text);
  gtk_spinner_set_spinning (status->spinner, loading);

  if (error != NULL && n == 0)
    {
      g_autofree char *message = wg_error_get_user_message (error);

      adw_status_page_set_description (status->error_page, message);
      gtk_stack_set_visible_child_name (status->stack, "error");
    }
  else if (n == 0 && !loading && total == 0)
    gtk_stack_set_visible_child_name (status->stack, "empty");
  else
    gtk_stack_set_visible_child_name (status->stack, "list");
  return g_steal_pointer (&text);
}
