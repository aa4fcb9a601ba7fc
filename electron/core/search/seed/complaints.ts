import type { Random } from './random';
import { PLACES, PROJECTS } from './sample-words';

/** Who a complaint is about. */
export interface Subject {
  person: string;
  unit: string;
  post: string;
}

export interface Complaint {
  /** The intake item's summary (≤ 100 characters). */
  summary: string;
  content: string;
  /** The lead's summary (≤ 500 characters). */
  leadSummary: string;
  /** Default discipline codes and lead tags (office rule codes). */
  discipline: string;
  tags: string[];
}

type Slots = Subject & {
  year: number;
  month: number;
  amount: number;
  place: string;
  project: string;
  count: number;
};

interface Template {
  discipline: string;
  tags: string[];
  summary: (s: Slots) => string;
  content: (s: Slots) => string;
  lead: (s: Slots) => string;
}

/** Plausible complaints of the kinds inspection groups receive most. */
const TEMPLATES: readonly Template[] = [
  {
    discipline: 'integrity',
    tags: ['eight_point_rules', 'hedonism'],
    summary: (s) => `反映${s.unit}违规发放津贴补贴问题`,
    content: (s) =>
      `${s.year}年以来，${s.unit}以“加班补助”“误餐补贴”“考核奖励”等名义违规发放津贴补贴，人均每月约${s.amount}元，资金从下属单位账户列支，${s.post}${s.person}签字审批。请求巡视组予以核查。`,
    lead: (s) => `${s.unit}${s.post}${s.person}涉嫌违规发放津贴补贴，人均每月约${s.amount}元。`,
  },
  {
    discipline: 'integrity',
    tags: ['eight_point_rules'],
    summary: (s) => `反映${s.person}公车私用问题`,
    content: (s) =>
      `${s.unit}${s.post}${s.person}长期将公务用车停放在自家小区，周末和节假日驾驶公车接送子女、回老家探亲。${s.year}年${s.month}月曾驾驶公车外出旅游，来回约${s.count}公里。`,
    lead: (s) => `${s.person}（${s.unit}${s.post}）涉嫌公车私用，多次在节假日驾驶公务用车办理私事。`,
  },
  {
    discipline: 'integrity',
    tags: ['eight_point_rules', 'extravagance'],
    summary: (s) => `反映${s.unit}违规吃喝问题`,
    content: (s) =>
      `${s.year}年${s.month}月以来，${s.post}${s.person}多次在${s.place}组织公款宴请，以“工作餐”“会议费”名义报销，单次费用${s.amount}元以上，席间饮用高档白酒。`,
    lead: (s) => `${s.person}涉嫌违规吃喝，在${s.place}组织公款宴请，单次费用${s.amount}元以上。`,
  },
  {
    discipline: 'integrity',
    tags: ['eight_point_rules'],
    summary: (s) => `反映${s.person}收受礼品礼金问题`,
    content: (s) =>
      `${s.unit}${s.post}${s.person}在春节、中秋期间收受管理服务对象赠送的购物卡和礼金，合计约${s.amount * 10}元，另收受名贵烟酒若干。`,
    lead: (s) => `${s.person}涉嫌收受管理服务对象礼品礼金，合计约${s.amount * 10}元。`,
  },
  {
    discipline: 'integrity',
    tags: [],
    summary: (s) => `反映${s.project}项目招投标问题`,
    content: (s) =>
      `${s.unit}在${s.project}项目招投标中设置排他性条件，中标企业与${s.post}${s.person}的亲属存在关联，工程款已支付${s.count}万元，部分工程质量不合格。`,
    lead: (s) => `${s.person}涉嫌在${s.project}项目招投标中为亲属关联企业谋取利益。`,
  },
  {
    discipline: 'organisational',
    tags: [],
    summary: (s) => `反映${s.unit}选人用人问题`,
    content: (s) =>
      `${s.unit}在干部选拔任用中存在突击提拔问题，${s.post}${s.person}的亲属在不符合任职年限条件的情况下被提拔为科长，民主推荐走过场。`,
    lead: (s) => `${s.unit}在干部选拔任用中涉嫌违规突击提拔，${s.person}负有领导责任。`,
  },
  {
    discipline: 'work',
    tags: ['formalism'],
    summary: (s) => `反映${s.unit}形式主义问题`,
    content: (s) =>
      `${s.unit}督查检查考核过多过频，基层每月需填报各类表格${s.count}余份，工作群打卡、留痕材料层层加码，基层干部疲于应付。`,
    lead: (s) => `${s.unit}存在形式主义问题，督查检查考核过多过频，增加基层负担。`,
  },
  {
    discipline: 'integrity',
    tags: [],
    summary: (s) => `反映${s.person}违规经商办企业问题`,
    content: (s) =>
      `${s.post}${s.person}的配偶在其分管领域注册公司，承接${s.unit}的${s.project}相关业务，合同金额约${s.count}万元。`,
    lead: (s) => `${s.person}涉嫌利用职务影响为配偶经营的企业承揽业务，金额约${s.count}万元。`,
  },
  {
    discipline: 'mass',
    tags: ['bureaucratism'],
    summary: (s) => `反映${s.unit}办事推诿问题`,
    content: (s) =>
      `群众到${s.unit}办理业务时多次被要求补充材料，工作人员态度生硬、推诿扯皮，有人暗示“找关系”才能办成。${s.post}${s.person}对此不闻不问。`,
    lead: (s) => `${s.unit}存在吃拿卡要、推诿扯皮问题，${s.person}履职不力。`,
  },
  {
    discipline: 'integrity',
    tags: ['extravagance'],
    summary: (s) => `反映${s.person}超标准使用办公用房问题`,
    content: (s) =>
      `${s.unit}${s.post}${s.person}的办公室面积约${s.count}平方米，明显超出规定标准，且另设休息室，装修豪华。`,
    lead: (s) => `${s.person}涉嫌超标准配备和使用办公用房。`,
  },
  {
    discipline: 'life',
    tags: ['hedonism'],
    summary: (s) => `反映${s.person}违规操办婚丧喜庆事宜问题`,
    content: (s) =>
      `${s.year}年${s.month}月，${s.unit}${s.post}${s.person}为其子操办婚宴，宴请${s.count}余桌，邀请管理服务对象参加并收受礼金。`,
    lead: (s) => `${s.person}涉嫌借操办婚宴收受管理服务对象礼金，宴请${s.count}余桌。`,
  },
  {
    discipline: 'political',
    tags: ['formalism'],
    summary: (s) => `反映${s.unit}落实上级决策部署不力问题`,
    content: (s) =>
      `${s.unit}对${s.project}工作只开会、发文件，不抓落实，上报数据与实际不符。${s.post}${s.person}多次在会上表态，但项目至今未开工。`,
    lead: (s) => `${s.unit}贯彻落实上级决策部署不力，涉嫌数据造假，${s.person}负有责任。`,
  },
];

export function complaint(r: Random, subject: Subject, year: number): Complaint {
  const t = r.pick(TEMPLATES);
  const slots: Slots = {
    ...subject,
    year,
    month: r.int(1, 12),
    amount: r.int(3, 40) * 100,
    place: r.pick(PLACES),
    project: r.pick(PROJECTS),
    count: r.int(12, 300),
  };
  return {
    summary: t.summary(slots).slice(0, 100),
    content: t.content(slots),
    leadSummary: t.lead(slots).slice(0, 500),
    discipline: t.discipline,
    tags: t.tags,
  };
}
