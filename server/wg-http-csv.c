#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include "wg-http.h"

/* Routes of CSV import and export of records. */
void
wg_http_csv_add_routes (GArray *routes)
{
}
