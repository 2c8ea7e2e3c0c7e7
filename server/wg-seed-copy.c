#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include <stdarg.h>

#include "wg-error.h"
#include "wg-pg.h"
#include "wg-seed-private.h"

/* Rows are sent when the buffer passes this size. */
#define WG_SEED_COPY_FLUSH_BYTES (1024 * 1024)

struct _WgSeedCopy {
  PGconn   *conn;
  char     *table;
  GString  *buffer;
  guint64   rows;
  gboolean  row_started;
  gboolean  ended;
};

static void
wg_seed_copy_set_error (WgSeedCopy  *self,
                        GError     **error)
{
  g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL, "COPY into %s failed: %s", self->table,
               PQerrorMessage (self->conn));
}

WgSeedCopy *
wg_seed_copy_begin (PGconn      *conn,
                    const char  *table,
                    const char  *columns,
                    GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("COPY %s (%s) FROM STDIN", table, columns);
  g_autoptr(PGresult) result = PQexec (conn, sql);
  WgSeedCopy *self;

  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      g_set_error (error, WG_ERROR, WG_ERROR_INTERNAL, "COPY into %s refused: %s", table,
                   PQerrorMessage (conn));
      return NULL;
    }
  self = g_new0 (WgSeedCopy, 1);
  self->conn = conn;
  self->table = g_strdup (table);
  self->buffer = g_string_sized_new (WG_SEED_COPY_FLUSH_BYTES + 64 * 1024);
  return self;
}

static void
wg_seed_copy_separate (WgSeedCopy *self)
{
  if (self->row_started)
    g_string_append_c (self->buffer, '\t');
  self->row_started = TRUE;
}

void
wg_seed_copy_text (WgSeedCopy *self,
                   const char *value)
{
  if (value == NULL)
    {
      wg_seed_copy_null (self);
      return;
    }
  wg_seed_copy_separate (self);
  for (const char *c = value; *c != '\0'; c++)
    {
      switch (*c)
        {
        case '\\': g_string_append (self->buffer, "\\\\"); break;
        case '\n': g_string_append (self->buffer, "\\n"); break;
        case '\r': g_string_append (self->buffer, "\\r"); break;
        case '\t': g_string_append (self->buffer, "\\t"); break;
        default: g_string_append_c (self->buffer, *c); break;
        }
    }
}

void
wg_seed_copy_printf (WgSeedCopy *self,
                     const char *format,
                     ...)
{
  va_list args;

  wg_seed_copy_separate (self);
  va_start (args, format);
  g_string_append_vprintf (self->buffer, format, args);
  va_end (args);
}

void
wg_seed_copy_int (WgSeedCopy *self,
                  gint64      value)
{
  wg_seed_copy_printf (self, "%" G_GINT64_FORMAT, value);
}

void
wg_seed_copy_null (WgSeedCopy *self)
{
  wg_seed_copy_separate (self);
  g_string_append (self->buffer, "\\N");
}

/* bytea in hex form; the backslash of \x is doubled for COPY's text format. */
void
wg_seed_copy_bytea (WgSeedCopy   *self,
                    const guint8 *data,
                    gsize         length)
{
  static const char hex[] = "0123456789abcdef";

  wg_seed_copy_separate (self);
  g_string_append (self->buffer, "\\\\x");
  for (gsize i = 0; i < length; i++)
    {
      g_string_append_c (self->buffer, hex[data[i] >> 4]);
      g_string_append_c (self->buffer, hex[data[i] & 0xf]);
    }
}

void
wg_seed_copy_date (WgSeedCopy *self,
                   guint32     julian)
{
  char text[11];

  if (julian == 0)
    {
      wg_seed_copy_null (self);
      return;
    }
  _wg_seed_date_format (julian, text);
  wg_seed_copy_separate (self);
  g_string_append_len (self->buffer, text, 10);
}

void
wg_seed_copy_point (WgSeedCopy *self,
                    double      x,
                    double      y)
{
  char x_text[G_ASCII_DTOSTR_BUF_SIZE];
  char y_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (x_text, sizeof x_text, "%.7f", x);
  g_ascii_formatd (y_text, sizeof y_text, "%.7f", y);
  wg_seed_copy_printf (self, "SRID=4326;POINT(%s %s)", x_text, y_text);
}

static gboolean
wg_seed_copy_flush (WgSeedCopy  *self,
                    GError     **error)
{
  if (self->buffer->len == 0)
    return TRUE;
  if (PQputCopyData (self->conn, self->buffer->str, (int) self->buffer->len) != 1)
    {
      wg_seed_copy_set_error (self, error);
      return FALSE;
    }
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

gboolean
wg_seed_copy_end_row (WgSeedCopy  *self,
                      GError     **error)
{
  g_string_append_c (self->buffer, '\n');
  self->row_started = FALSE;
  self->rows++;
  if (self->buffer->len < WG_SEED_COPY_FLUSH_BYTES)
    return TRUE;
  return wg_seed_copy_flush (self, error);
}

/* Ends the COPY (with an error message when @abort_message is given) and
 * reads its result. */
static gboolean
wg_seed_copy_end (WgSeedCopy  *self,
                  const char  *abort_message,
                  GError     **error)
{
  PGresult *result;
  gboolean ok;

  self->ended = TRUE;
  if (PQputCopyEnd (self->conn, abort_message) != 1)
    {
      wg_seed_copy_set_error (self, error);
      return FALSE;
    }
  ok = TRUE;
  while ((result = PQgetResult (self->conn)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && ok)
        {
          ok = FALSE;
          if (abort_message == NULL)
            wg_seed_copy_set_error (self, error);
        }
      PQclear (result);
    }
  return ok;
}

gboolean
wg_seed_copy_finish (WgSeedCopy  *self,
                     guint64     *rows,
                     GError     **error)
{
  g_autoptr(WgSeedCopy) copy = self;

  if (!wg_seed_copy_flush (copy, error) || !wg_seed_copy_end (copy, NULL, error))
    return FALSE;
  if (rows != NULL)
    *rows = copy->rows;
  return TRUE;
}

void
wg_seed_copy_free (WgSeedCopy *self)
{
  if (self == NULL)
    return;
  if (!self->ended)
    wg_seed_copy_end (self, "abandoned by the seed generator", NULL);
  g_string_free (self->buffer, TRUE);
  g_free (self->table);
  g_free (self);
}
