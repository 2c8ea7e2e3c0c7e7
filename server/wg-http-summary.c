#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include "wg-http.h"

/* Routes of the summary of a region: counts and staff. */
void
wg_http_summary_add_routes (GArray *routes)
{
}
