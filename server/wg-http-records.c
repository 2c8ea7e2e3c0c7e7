#define G_LOG_DOMAIN "wg-http"

#include "config.h"

#include "wg-http.h"

/* Routes of the records of every kind but people (common/wg-record-kind.h). */
void
wg_http_records_add_routes (GArray *routes)
{
}
