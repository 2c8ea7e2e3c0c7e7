#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include "wg-pg.h"
#include "wg-seed-private.h"

/* The seven forces of a grid (DESIGN §1). */
static const char * const forces[] = {
  "manager", "assistant", "police", "supervisor", "judicial", "firefighter", "party_secretary",
};

/* A password hash that no password verifies: staff accounts exist to author
 * the diary until an administrator sets a password. */
#define WG_SEED_LOCKED_HASH "!locked"

typedef struct {
  const char *topic;
  const char *sentences[3];
} WgSeedTopic;

static const WgSeedTopic topics[] = {
  { "环境卫生", { "居民反映楼道堆物较多，存在消防隐患。", "胡同内有积存垃圾未及时清运。",
                  "垃圾分类桶站周边卫生较差。" } },
  { "邻里纠纷", { "两户居民因漏水问题发生争执，已初步调解。", "居民反映楼上装修噪声影响休息。",
                  "邻里因停车位问题产生矛盾。" } },
  { "养老服务", { "独居老人身体状况良好，已提醒注意防寒。", "高龄老人希望增加助餐服务。",
                  "老人咨询居家养老服务补贴的申请流程。" } },
  { "治安隐患", { "发现院内电动自行车飞线充电。", "单元门禁损坏，陌生人员可随意进出。",
                  "居民反映夜间有可疑人员徘徊。" } },
  { "停车管理", { "胡同内乱停车影响通行。", "居民希望规范共享单车停放。", "消防通道被私家车占用。" } },
  { "违法建设", { "发现院内新搭建临时棚房。", "居民反映有住户私自扩建。", "屋顶新增彩钢板房。" } },
  { "消防安全", { "检查楼道灭火器，部分已过期。", "提醒沿街商户规范用电用气。", "疏散通道有杂物堵塞。" } },
  { "流动人口", { "新增租住人员，已登记信息。", "出租房屋人员变动，已更新台账。",
                  "提醒房东及时申报租住登记。" } },
  { "房屋租赁", { "发现群租现象，已告知房东整改。", "租户反映房屋漏雨需维修。", "房东咨询出租房屋登记手续。" } },
  { "噪声扰民", { "居民反映早市商户叫卖声较大。", "夜间施工噪声扰民。", "广场舞音响声音过大。" } },
  { "绿化养护", { "行道树枝条遮挡路灯，需修剪。", "绿地内杂草较多。", "古树周边围栏松动。" } },
  { "便民服务", { "居民咨询医保缴费事宜，已解答。", "协助老人办理社保卡。", "居民希望增设便民菜站。" } },
  { "政策咨询", { "居民咨询老旧小区改造政策。", "居民询问垃圾分类积分兑换办法。", "居民咨询养老助残卡办理。" } },
  { "社区活动", { "通知居民参加社区议事会。", "组织志愿者开展环境整治活动。", "邀请居民参加社区文艺汇演。" } },
};

static const char * const closings[] = {
  "已现场劝导。", "已告知社区居委会跟进。", "已记录，下周回访。", "已上报街道分中心。", "居民表示满意。",
};

/* Grid users that already exist (the demo's `grid` account): they write
 * their grid's diary as its assistant. */
static GHashTable *
wg_seed_existing_grid_users (PGconn  *conn,
                             GError **error)
{
  g_autoptr(PGresult) result = wg_pg_exec (conn,
    "SELECT scope::text, id, display_name FROM users"
    " WHERE 'grid' = ANY (roles) AND NOT disabled ORDER BY id", 0, NULL, error);
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (result == NULL)
    return NULL;
  for (int row = PQntuples (result) - 1; row >= 0; row--)
    g_hash_table_insert (users, g_strdup (PQgetvalue (result, row, 0)),
                         g_strdup_printf ("%s\t%s", PQgetvalue (result, row, 1), PQgetvalue (result, row, 2)));
  return g_steal_pointer (&users);
}

static gboolean
wg_seed_copy_user (WgSeed           *self,
                   WgSeedCopy       *copy,
                   const WgSeedGrid *grid,
                   guint             number,
                   gint64            id,
                   const char       *name,
                   GError          **error)
{
  wg_seed_copy_int (copy, id);
  wg_seed_copy_printf (copy, "staff-%s-%u", grid->code, number);
  wg_seed_copy_text (copy, name);
  wg_seed_copy_text (copy, WG_SEED_LOCKED_HASH);
  wg_seed_copy_text (copy, grid->community_code);
  wg_seed_copy_text (copy, "{grid}");
  wg_seed_copy_text (copy, grid->path);
  wg_seed_copy_text (copy, "f");
  wg_seed_copy_text (copy, self->created_at);
  return wg_seed_copy_end_row (copy, error);
}

/* Per grid: a new locked user for the manager, and the assistant's (an
 * existing grid account or a new one).  Fills self->grid_authors and
 * self->author_names, two per grid. */
gboolean
_wg_seed_copy_users (WgSeed  *self,
                     GError **error)
{
  WgSeedRandom staff_random;
  WgSeedRandom *random = &staff_random;
  GPtrArray *names = self->author_names;
  g_autoptr(GHashTable) existing = wg_seed_existing_grid_users (self->conn, error);
  g_autoptr(WgSeedCopy) copy = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  gint64 next_id = self->user_base;

  wg_seed_random_init (&staff_random, self->seed, WG_SEED_STREAM_USERS);
  if (existing == NULL)
    return FALSE;
  copy = wg_seed_copy_begin (self->conn, "users", "id, username, display_name, password_hash,"
                             " unit_code, roles, scope, disabled, created_at", error);
  if (copy == NULL)
    return FALSE;
  for (guint g = 0; g < self->grids->len; g++)
    {
      const WgSeedGrid *grid = g_ptr_array_index (self->grids, g);
      const char *known = g_hash_table_lookup (existing, grid->path);
      gint64 ids[2];

      for (guint n = 0; n < 2; n++)
        {
          wg_seed_person_name (self->reference, random, wg_seed_random_chance (random, 0.4), name);
          if (n == 1 && known != NULL)
            {
              g_auto(GStrv) parts = g_strsplit (known, "\t", 2);

              ids[n] = g_ascii_strtoll (parts[0], NULL, 10);
              g_ptr_array_add (names, g_strdup (parts[1]));
              continue;
            }
          ids[n] = next_id++;
          g_ptr_array_add (names, g_strdup (name->str));
          if (!wg_seed_copy_user (self, copy, grid, n + 1, ids[n], name->str, error))
            return FALSE;
        }
      g_array_append_vals (self->grid_authors, ids, 2);
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "users", error);
}

gboolean
_wg_seed_copy_staff (WgSeed  *self,
                     GError **error)
{
  GPtrArray *names = self->author_names;
  g_autoptr(WgSeedCopy) copy = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  WgSeedRandom random;
  char phone[12];

  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_STAFF);
  copy = wg_seed_copy_begin (self->conn, "grid_staff", "path, force, name, phone, user_id, from_date", error);
  if (copy == NULL)
    return FALSE;
  for (guint g = 0; g < self->grids->len; g++)
    for (guint f = 0; f < G_N_ELEMENTS (forces); f++)
      {
        const WgSeedGrid *grid = g_ptr_array_index (self->grids, g);

        wg_seed_person_name (self->reference, &random, wg_seed_random_chance (&random, 0.6), name);
        wg_seed_phone (&random, phone);
        wg_seed_copy_text (copy, grid->path);
        wg_seed_copy_text (copy, forces[f]);
        wg_seed_copy_text (copy, f < 2 ? (const char *) g_ptr_array_index (names, 2 * g + f) : name->str);
        wg_seed_copy_text (copy, phone);
        if (f < 2)
          wg_seed_copy_int (copy, g_array_index (self->grid_authors, gint64, 2 * g + f));
        else
          wg_seed_copy_null (copy);
        wg_seed_copy_date (copy, self->today - wg_seed_random_below (&random, 6 * 365));
        if (!wg_seed_copy_end_row (copy, error))
          return FALSE;
      }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "grid_staff", error);
}

/* ----------------------------------------------------------------- diary */

/* "走访多福巷12号院，入户3户。" + one sentence per topic + a closing. */
static gboolean
wg_seed_copy_entry (WgSeed           *self,
                    WgSeedCopy       *copy,
                    WgSeedRandom     *random,
                    guint             grid_index,
                    guint32           day,
                    GString          *body,
                    GError          **error)
{
  const WgSeedGrid *grid = g_ptr_array_index (self->grids, grid_index);
  guint visited = (guint) wg_seed_random_int (random, 0, 12);
  guint first = wg_seed_random_below (random, G_N_ELEMENTS (topics));
  guint second = wg_seed_random_chance (random, 0.3) ? wg_seed_random_below (random, G_N_ELEMENTS (topics)) : first;
  gboolean follow_up = wg_seed_random_chance (random, 0.03);
  char date[11];
  int hour;

  if (visited == 0)
    g_string_printf (body, "巡查%s沿线。", grid->lane);
  else
    g_string_printf (body, "走访%s%d号院，入户%u户。", grid->lane, wg_seed_random_int (random, 1, 60), visited);
  g_string_append (body, topics[first].sentences[wg_seed_random_below (random, 3)]);
  if (second != first)
    g_string_append (body, topics[second].sentences[wg_seed_random_below (random, 3)]);
  g_string_append (body, follow_up ? "需后续跟进，已标记。" : closings[wg_seed_random_below (random, G_N_ELEMENTS (closings))]);
  _wg_seed_date_format (day, date);
  wg_seed_copy_text (copy, grid->path);
  wg_seed_copy_int (copy, g_array_index (self->grid_authors, gint64,
                                          2 * grid_index + (wg_seed_random_chance (random, 0.8) ? 1 : 0)));
  wg_seed_copy_text (copy, date);
  wg_seed_copy_int (copy, visited);
  if (second != first)
    wg_seed_copy_printf (copy, "{%s,%s}", topics[first].topic, topics[second].topic);
  else
    wg_seed_copy_printf (copy, "{%s}", topics[first].topic);
  wg_seed_copy_text (copy, body->str);
  wg_seed_copy_text (copy, follow_up ? "t" : "f");
  hour = wg_seed_random_int (random, 8, 17);
  wg_seed_copy_printf (copy, "%s %02d:%02d:00+08", date, hour, wg_seed_random_int (random, 0, 59));
  wg_seed_copy_printf (copy, "%s 18:00:00+08", date);
  return wg_seed_copy_end_row (copy, error);
}

/* About six entries per grid per day: seven on weekdays, three or four at
 * weekends. */
gboolean
_wg_seed_copy_diary (WgSeed  *self,
                     GError **error)
{
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "diary_entry",
    "path, author_id, entry_date, households_visited, topics, body, follow_up, created_at, updated_at",
    error);
  g_autoptr(GString) body = g_string_new (NULL);
  WgSeedRandom random;

  if (copy == NULL)
    return FALSE;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_DIARY);
  for (guint32 day = self->today - self->plan.diary_days + 1; day <= self->today; day++)
    {
      GDate date;
      gboolean weekend;

      g_date_set_julian (&date, day);
      weekend = g_date_get_weekday (&date) >= G_DATE_SATURDAY;
      for (guint g = 0; g < self->grids->len; g++)
        {
          int n = weekend ? wg_seed_random_int (&random, 2, 5) : wg_seed_random_int (&random, 5, 9);

          for (int i = 0; i < n; i++)
            if (!wg_seed_copy_entry (self, copy, &random, g, day, body, error))
              return FALSE;
        }
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "diary_entry", error);
}
