#define G_LOG_DOMAIN "wg-seed"

#include "config.h"

#include <string.h>

#include "wg-seed-private.h"
#include "wg-validate.h"

/* Trade names (字号) are two of these characters; trades follow them. */
static const char trade_characters[] =
  "华盛鑫泰恒嘉瑞博安和信诚达通宏源兴隆德福康乐金天中东京城新创联合远航宇星辰晨明光佳美雅正志卓"
  "越锦润丰益海山云峰汇聚智慧科凯旭永昌祥顺元亨利邦宁景致朗睿";
static const char * const trades[] = {
  "科技", "商贸", "餐饮管理", "文化传媒", "企业管理咨询", "物业管理", "建筑装饰工程", "信息技术",
  "医药", "教育科技", "旅游", "广告", "房地产经纪", "贸易", "酒店管理", "文化发展", "网络科技",
  "健康管理", "家政服务", "设计",
};
static const char * const shops[] = {
  "便利店", "小吃店", "理发店", "水果店", "洗衣店", "五金店", "烟酒店", "面馆", "川菜馆", "眼镜店",
  "花店", "茶叶店", "修鞋铺", "早点铺",
};
static const char * const social_kinds[] = {
  "志愿者协会", "养老服务中心", "社会工作事务所", "文化促进会", "书画协会", "老年协会", "助残服务中心",
};
static const char * const street_offices[] = {
  "综合行政执法队", "城市管理办公室", "社区建设办公室", "平安建设办公室", "社会保障所",
};

/* Kinds of organization, their share (per cent) and GB 32100 registration
 * department and type (digits 1–2). */
static const struct {
  const char *kind;
  double      share;
  const char *prefix;
} organization_kinds[] = {
  { "enterprise", 70, "91" }, { "individual_business", 19, "92" },
  { "social_organization", 3, "51" }, { "institution", 4, "12" }, { "government", 1, "11" },
  { "other", 3, "Y1" },
};

/* City components: project-authored classes in the CJ/T 214 style (01 公用
 * 设施 … 06 其他设施), relative frequency, owning and maintaining units. */
static const struct {
  const char *code;
  const char *name;
  double      weight;
  const char *owner;
  const char *maintainer;
} component_classes[] = {
  { "0101", "上水井盖", 9, "北京市自来水集团", "北京市自来水集团东城营业所" },
  { "0102", "污水井盖", 9, "北京城市排水集团", "北京城市排水集团管网分公司" },
  { "0103", "雨水井盖", 8, "北京城市排水集团", "北京城市排水集团管网分公司" },
  { "0104", "雨水箅子", 7, "北京城市排水集团", "北京城市排水集团管网分公司" },
  { "0105", "电力井盖", 5, "国网北京市电力公司", "国网北京东城供电公司" },
  { "0106", "路灯井盖", 3, "区城市管理委员会", "北京市城市照明管理中心" },
  { "0107", "通信井盖", 5, "中国联通北京分公司", "中国联通北京分公司" },
  { "0110", "燃气井盖", 4, "北京市燃气集团", "北京市燃气集团第一分公司" },
  { "0111", "热力井盖", 3, "北京市热力集团", "北京市热力集团东城分公司" },
  { "0115", "消防栓", 4, "区消防救援支队", "区消防救援支队" },
  { "0117", "路灯", 8, "区城市管理委员会", "北京市城市照明管理中心" },
  { "0120", "变压器（箱）", 1, "国网北京市电力公司", "国网北京东城供电公司" },
  { "0201", "公交站亭", 1, "北京公交集团", "北京公交集团" },
  { "0204", "交通标志牌", 3, "东城公安分局", "东城交通支队" },
  { "0206", "交通信号灯", 1, "东城公安分局", "东城交通支队" },
  { "0209", "道路护栏", 3, "区城市管理委员会", "区道路养护中心" },
  { "0212", "停车咪表", 1, "区城市管理委员会", "区静态交通管理中心" },
  { "0301", "公共厕所", 2, "区城市管理委员会", "区环境卫生服务中心" },
  { "0303", "垃圾分类驿站", 1, "区城市管理委员会", "区环境卫生服务中心" },
  { "0305", "果皮箱", 6, "区城市管理委员会", "区环境卫生服务中心" },
  { "0401", "古树名木", 1, "区园林绿化局", "区园林绿化局" },
  { "0402", "行道树", 8, "区园林绿化局", "区绿化队" },
  { "0404", "绿地护栏", 2, "区园林绿化局", "区绿化队" },
  { "0501", "宣传栏", 1, "街道办事处", "社区居委会" },
  { "0601", "健身设施", 2, "区体育局", "社区居委会" },
  { "0602", "报刊亭", 1, "区城市管理委员会", "北京报刊发行局" },
  { "0603", "治安监控探头", 2, "东城公安分局", "东城公安分局" },
};

static const char * const land_uses[] = {
  "residential", "commercial", "industrial", "public_service", "green", "road", "water", "heritage",
};
/* Per grid type: weights of land_uses. */
static const double land_use_weights[4][G_N_ELEMENTS (land_uses)] = {
  { 68, 4, 0, 8, 8, 6, 0.5, 5 },
  { 15, 58, 1, 10, 5, 10, 0, 1 },
  { 20, 8, 1, 55, 8, 6, 0, 2 },
  { 5, 40, 0, 20, 14, 12, 1, 8 },
};
static const double land_factors[4] = { 1, 1, 1, 1 };
static const double organization_factors[4] = { 0.3, 3, 1.5, 1.5 };
static const double component_factors[4] = { 1, 1.2, 1, 1.3 };
static const double underground_factors[4] = { 1, 1.5, 1, 1.5 };

static const char * const underground_kinds[] = {
  "parking", "civil_defence", "basement", "passage", "commercial",
};
static const double underground_weights[] = { 35, 25, 30, 5, 5 };

static void
wg_seed_trade_name (WgSeedRandom *random,
                    GString      *out)
{
  glong n = g_utf8_strlen (trade_characters, -1);

  for (guint i = 0; i < 2; i++)
    {
      const char *start = g_utf8_offset_to_pointer (trade_characters, wg_seed_random_below (random, (guint32) n));

      g_string_append_len (out, start, g_utf8_next_char (start) - start);
    }
}

/* 北京<字号><行业>有限公司 */
static void
wg_seed_company_name (WgSeedRandom *random,
                      GString      *out)
{
  static const double suffix_weights[] = { 85, 12, 3 };
  static const char * const suffixes[] = { "有限公司", "有限责任公司", "股份有限公司" };

  g_string_append (out, "北京");
  wg_seed_trade_name (random, out);
  g_string_append (out, trades[wg_seed_random_below (random, G_N_ELEMENTS (trades))]);
  g_string_append (out, suffixes[wg_seed_random_pick (random, suffix_weights, 3)]);
}

static void
wg_seed_organization_name (WgSeedRandom     *random,
                           const WgSeedGrid *grid,
                           guint             kind,
                           GString          *out)
{
  g_string_truncate (out, 0);
  switch (kind)
    {
    case 0:
      wg_seed_company_name (random, out);
      break;
    case 1:
      g_string_append (out, "东城区");
      wg_seed_trade_name (random, out);
      g_string_append (out, shops[wg_seed_random_below (random, G_N_ELEMENTS (shops))]);
      break;
    case 2:
      g_string_append_printf (out, "北京市东城区%s%s", grid->lane,
                              social_kinds[wg_seed_random_below (random, G_N_ELEMENTS (social_kinds))]);
      break;
    case 3:
      g_string_append_printf (out, "北京市东城区%s%s", grid->lane,
                              wg_seed_random_chance (random, 0.5) ? "社区卫生服务站" : "幼儿园");
      break;
    case 4:
      g_string_append_printf (out, "%s办事处%s", grid->street_name,
                              street_offices[wg_seed_random_below (random, G_N_ELEMENTS (street_offices))]);
      break;
    default:
      g_string_append_printf (out, "北京市东城区%s居民委员会", grid->community_name);
      break;
    }
}

/* GB 11714 check character of an 8-digit organization code body. */
static char
wg_seed_organization_code_check (const char *body)
{
  static const guint weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };
  guint sum = 0;
  guint check;

  for (guint i = 0; i < 8; i++)
    sum += (guint) (body[i] - '0') * weights[i];
  check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
}

/* A GB 32100 code: registration department and type, 110101, the
 * organization code (an affine map of @index modulo 10^8 with a multiplier
 * prime to 10, so unique) and the MOD 31 check character. */
static void
wg_seed_credit_code (const char *prefix,
                     guint64     seed,
                     guint       index,
                     char        code[19])
{
  guint64 offset = (seed * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)) >> 20;
  guint body = (guint) (((guint64) index * 12345701 + offset) % 100000000);

  g_snprintf (code, 18, "%s110101%08u", prefix, body);
  code[16] = wg_seed_organization_code_check (code + 8);
  code[17] = wg_credit_code_check_char (code);
  code[18] = '\0';
}

static void
wg_seed_copy_landline_or_mobile (WgSeedCopy   *copy,
                                 WgSeedRandom *random)
{
  char phone[12];

  if (wg_seed_random_chance (random, 0.5))
    {
      /* Stored as digits, as the API stores what it is given. */
      wg_seed_copy_printf (copy, "0106%07u", wg_seed_random_below (random, 10000000));
      return;
    }
  wg_seed_phone (random, phone);
  wg_seed_copy_text (copy, phone);
}

/* ---------------------------------------------------------------- land */

/* A rectangle of 6–70 m a side inside the grid, shrinking when it does
 * not fit; returns its area in square metres. */
static double
wg_seed_parcel (const WgSeedGrid *grid,
                WgSeedRandom     *random,
                double            corners[4])
{
  for (guint attempt = 0; attempt < 40; attempt++)
    {
      double scale = attempt < 20 ? 1.0 : 0.2;
      double half_w = wg_seed_random_int (random, 5, 35) * scale;
      double half_h = wg_seed_random_int (random, 5, 35) * scale;
      double x, y;

      wg_seed_grid_sample (grid, random, &x, &y);
      corners[0] = x - half_w / WG_SEED_METRES_PER_DEGREE_X;
      corners[1] = y - half_h / WG_SEED_METRES_PER_DEGREE_Y;
      corners[2] = x + half_w / WG_SEED_METRES_PER_DEGREE_X;
      corners[3] = y + half_h / WG_SEED_METRES_PER_DEGREE_Y;
      for (guint i = 0; i < 4; i++)
        corners[i] = wg_seed_round7 (corners[i]);
      if (wg_seed_grid_covers_box (grid, corners[0], corners[1], corners[2], corners[3]))
        return 4 * half_w * half_h;
    }
  return 0;
}

static void
wg_seed_copy_multipolygon (WgSeedCopy   *copy,
                           const double  c[4])
{
  char t[4][G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < 4; i++)
    g_ascii_formatd (t[i], sizeof t[i], "%.7f", c[i]);
  wg_seed_copy_printf (copy, "SRID=4326;MULTIPOLYGON(((%s %s,%s %s,%s %s,%s %s,%s %s)))",
                       t[0], t[1], t[2], t[1], t[2], t[3], t[0], t[3], t[0], t[1]);
}

static void
wg_seed_land_holder (WgSeedRandom *random,
                     const char   *use,
                     GString      *holder)
{
  g_string_truncate (holder, 0);
  if (g_str_equal (use, "residential") && wg_seed_random_chance (random, 0.5))
    g_string_append (holder, "北京市东城区房屋土地经营管理中心");
  else if (g_str_equal (use, "road") || g_str_equal (use, "green") || g_str_equal (use, "water"))
    g_string_append (holder, "北京市东城区人民政府");
  else
    wg_seed_company_name (random, holder);
}

gboolean
_wg_seed_copy_land (WgSeed  *self,
                    GError **error)
{
  g_autofree guint *counts = _wg_seed_split (self, self->plan.land_parcels, land_factors);
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "land_parcel",
    "path, code, geom, use, area_m2, holder, created_at, updated_at", error);
  g_autoptr(GString) holder = g_string_new (NULL);
  WgSeedRandom random;

  if (copy == NULL)
    return FALSE;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_LAND);
  for (guint g = 0; g < self->grids->len; g++)
    {
      const WgSeedGrid *grid = g_ptr_array_index (self->grids, g);

      for (guint i = 0; i < counts[g]; i++)
        {
          double corners[4];
          double area = wg_seed_parcel (grid, &random, corners);
          const char *use = land_uses[wg_seed_random_pick (&random, land_use_weights[grid->type],
                                                           G_N_ELEMENTS (land_uses))];

          if (area <= 0)
            continue;
          wg_seed_land_holder (&random, use, holder);
          wg_seed_copy_text (copy, grid->path);
          wg_seed_copy_printf (copy, "%s-%04u", grid->code, i + 1);
          wg_seed_copy_multipolygon (copy, corners);
          wg_seed_copy_text (copy, use);
          wg_seed_copy_printf (copy, "%.2f", area);
          wg_seed_copy_text (copy, holder->str);
          if (!_wg_seed_copy_end_dated_row (self, copy, error))
            return FALSE;
        }
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "land_parcel", error);
}

/* ---------------------------------------------------------- components */

gboolean
_wg_seed_copy_components (WgSeed  *self,
                          GError **error)
{
  static const double states[] = { 95, 3, 1, 1 };
  static const char * const state_names[] = { "normal", "damaged", "missing", "removed" };
  g_autofree guint *counts = _wg_seed_split (self, self->plan.components, component_factors);
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "component",
    "path, class_code, name, point, owner_unit, maintainer_unit, state, created_at, updated_at", error);
  double weights[G_N_ELEMENTS (component_classes)];
  WgSeedRandom random;

  if (copy == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (component_classes); i++)
    weights[i] = component_classes[i].weight;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_COMPONENT);
  for (guint g = 0; g < self->grids->len; g++)
    {
      const WgSeedGrid *grid = g_ptr_array_index (self->grids, g);

      for (guint i = 0; i < counts[g]; i++)
        {
          guint c = wg_seed_random_pick (&random, weights, G_N_ELEMENTS (weights));
          double x, y;

          wg_seed_grid_sample (grid, &random, &x, &y);
          wg_seed_copy_text (copy, grid->path);
          wg_seed_copy_text (copy, component_classes[c].code);
          wg_seed_copy_text (copy, component_classes[c].name);
          wg_seed_copy_point (copy, x, y);
          wg_seed_copy_text (copy, component_classes[c].owner);
          wg_seed_copy_text (copy, component_classes[c].maintainer);
          wg_seed_copy_text (copy, state_names[wg_seed_random_pick (&random, states, 4)]);
          if (!_wg_seed_copy_end_dated_row (self, copy, error))
            return FALSE;
        }
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "component", error);
}

/* ------------------------------------------------------- organizations */

/* A name not used yet in this run: a registry refuses two alike. */
static void
wg_seed_unique_name (WgSeedRandom     *random,
                     const WgSeedGrid *grid,
                     guint             kind,
                     GHashTable       *taken,
                     GString          *name)
{
  for (guint attempt = 0; attempt < 20; attempt++)
    {
      wg_seed_organization_name (random, grid, kind, name);
      if (!g_hash_table_contains (taken, name->str))
        break;
    }
  for (guint branch = 2; g_hash_table_contains (taken, name->str); branch++)
    {
      wg_seed_organization_name (random, grid, kind, name);
      g_string_append_printf (name, "（%s第%u分部）", grid->lane, branch);
    }
  g_hash_table_add (taken, g_strdup (name->str));
}

static gboolean
wg_seed_copy_organization (WgSeed           *self,
                           WgSeedCopy       *copy,
                           WgSeedRandom     *random,
                           const WgSeedGrid *grid,
                           guint             index,
                           GHashTable       *taken,
                           GString          *text,
                           GError          **error)
{
  double shares[G_N_ELEMENTS (organization_kinds)];
  char code[19];
  guint kind;
  double x, y;

  for (guint i = 0; i < G_N_ELEMENTS (organization_kinds); i++)
    shares[i] = organization_kinds[i].share;
  kind = wg_seed_random_pick (random, shares, G_N_ELEMENTS (shares));
  wg_seed_unique_name (random, grid, kind, taken, text);
  wg_seed_credit_code (organization_kinds[kind].prefix, self->seed, index, code);
  wg_seed_copy_text (copy, grid->path);
  wg_seed_copy_text (copy, organization_kinds[kind].kind);
  wg_seed_copy_text (copy, text->str);
  wg_seed_copy_text (copy, code);
  g_string_printf (text, "东城区%s%s%u号", grid->street_name, grid->lane, wg_seed_random_int (random, 1, 80));
  wg_seed_copy_text (copy, text->str);
  wg_seed_grid_sample (grid, random, &x, &y);
  wg_seed_copy_point (copy, x, y);
  wg_seed_person_name (self->reference, random, wg_seed_random_chance (random, 0.55), text);
  wg_seed_copy_text (copy, text->str);
  wg_seed_copy_landline_or_mobile (copy, random);
  return _wg_seed_copy_end_dated_row (self, copy, error);
}

gboolean
_wg_seed_copy_organizations (WgSeed  *self,
                             GError **error)
{
  g_autofree guint *counts = _wg_seed_split (self, self->plan.organizations, organization_factors);
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "organization",
    "path, kind, name, credit_code, address, point, contact_name, contact_phone, created_at, updated_at",
    error);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  WgSeedRandom random;
  guint index = 0;

  if (copy == NULL)
    return FALSE;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_ORGANIZATION);
  for (guint g = 0; g < self->grids->len; g++)
    for (guint i = 0; i < counts[g]; i++)
      if (!wg_seed_copy_organization (self, copy, &random, g_ptr_array_index (self->grids, g), index++,
                                      taken, text, error))
        return FALSE;
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "organization", error);
}

/* ---------------------------------------------------- underground spaces */

static void
wg_seed_underground_name (WgSeedRandom     *random,
                          const WgSeedGrid *grid,
                          guint             kind,
                          GString          *name)
{
  guint number = (guint) wg_seed_random_int (random, 1, 60);

  switch (kind)
    {
    case 0: g_string_printf (name, "%s%u号院地下车库", grid->lane, number); break;
    case 1: g_string_printf (name, "%s人防工程%u号", grid->lane, number); break;
    case 2: g_string_printf (name, "%s%u号楼地下室", grid->lane, number); break;
    case 3: g_string_printf (name, "%s地下通道%u号", grid->lane, number); break;
    default: g_string_printf (name, "%s地下商业街%u号", grid->lane, number); break;
    }
}

gboolean
_wg_seed_copy_underground (WgSeed  *self,
                           GError **error)
{
  g_autofree guint *counts = _wg_seed_split (self, self->plan.underground_spaces, underground_factors);
  g_autoptr(WgSeedCopy) copy = wg_seed_copy_begin (self->conn, "underground_space",
    "path, name, kind, address, point, area_m2, manager, created_at, updated_at", error);
  g_autoptr(GString) text = g_string_new (NULL);
  WgSeedRandom random;

  if (copy == NULL)
    return FALSE;
  wg_seed_random_init (&random, self->seed, WG_SEED_STREAM_UNDERGROUND);
  for (guint g = 0; g < self->grids->len; g++)
    {
      const WgSeedGrid *grid = g_ptr_array_index (self->grids, g);

      for (guint i = 0; i < counts[g]; i++)
        {
          guint kind = wg_seed_random_pick (&random, underground_weights, G_N_ELEMENTS (underground_weights));
          double x, y;

          wg_seed_underground_name (&random, grid, kind, text);
          wg_seed_copy_text (copy, grid->path);
          wg_seed_copy_text (copy, text->str);
          wg_seed_copy_text (copy, underground_kinds[kind]);
          g_string_printf (text, "东城区%s%s%u号", grid->street_name, grid->lane, wg_seed_random_int (&random, 1, 80));
          wg_seed_copy_text (copy, text->str);
          wg_seed_grid_sample (grid, &random, &x, &y);
          wg_seed_copy_point (copy, x, y);
          wg_seed_copy_printf (copy, "%d.00", wg_seed_random_int (&random, 40, 3000));
          g_string_truncate (text, 0);
          wg_seed_company_name (&random, text);
          wg_seed_copy_text (copy, text->str);
          if (!_wg_seed_copy_end_dated_row (self, copy, error))
            return FALSE;
        }
    }
  return _wg_seed_copy_close (self, g_steal_pointer (&copy), "underground_space", error);
}
