import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  SEARCH_QUERY_MAX,
  SEARCH_QUERY_MIN,
  SEARCH_TYPES,
  type SearchQueryInput,
  type SearchType,
} from '../../../../shared/contracts/search';
import { useSearchOptions } from './queries';

interface FormValues {
  query: string;
  types?: SearchType[];
  dates?: [Dayjs | null, Dayjs | null] | null;
  category?: string;
  currentCaseOnly?: boolean;
}

export type SearchFilters = Omit<SearchQueryInput, 'page' | 'pageSize'>;

interface SearchFormProps {
  /** The case chosen in the shell, if any: the search can be limited to it. */
  caseId: string | null;
  loading: boolean;
  onSearch: (filters: SearchFilters) => void;
}

const DAY = 'YYYY-MM-DD';
const RESPONSIVE = 'responsive' as const;
const CHECKED = 'checked';

/** Query and filters; checked here as the core checks them (2–100 characters, dates in order). */
export function SearchForm({ caseId, loading, onSearch }: SearchFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const options = useSearchOptions();

  const submit = (v: FormValues) => {
    const [from, to] = v.dates ?? [null, null];
    onSearch({
      query: v.query.trim(),
      ...(v.types && v.types.length > 0 ? { types: v.types } : {}),
      ...(from ? { dateFrom: from.format(DAY) } : {}),
      ...(to ? { dateTo: to.format(DAY) } : {}),
      ...(v.category ? { category: v.category } : {}),
      ...(caseId && v.currentCaseOnly ? { caseId } : {}),
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="search-form">
      <Flex gap={8} align="flex-start">
        <Form.Item
          name="query"
          style={{ flex: 1, marginBottom: 12 }}
          rules={[
            { required: true, whitespace: true, message: t('search.validation.required') },
            {
              validator: (_r, value: string | undefined) =>
                !value || value.trim().length === 0 || value.trim().length >= SEARCH_QUERY_MIN
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('search.validation.tooShort', { min: SEARCH_QUERY_MIN }))),
            },
            { max: SEARCH_QUERY_MAX, message: t('search.validation.tooLong', { max: SEARCH_QUERY_MAX }) },
          ]}
        >
          <Input
            size="large"
            allowClear
            autoFocus
            maxLength={SEARCH_QUERY_MAX}
            prefix={<SearchOutlined />}
            placeholder={t('search.placeholder')}
            aria-label={t('search.queryLabel')}
            data-testid="search-query"
          />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={loading} data-testid="search-submit">
          {t('search.submit')}
        </Button>
      </Flex>
      <Flex gap={12} wrap align="center">
        <Form.Item name="types" label={t('search.filters.types')} style={{ marginBottom: 0, minWidth: 260 }}>
          <Select
            mode="multiple"
            allowClear
            maxTagCount={RESPONSIVE}
            placeholder={t('search.filters.allTypes')}
            options={SEARCH_TYPES.map((type) => ({ value: type, label: t(`search.types.${type}`) }))}
            data-testid="search-types"
          />
        </Form.Item>
        <Form.Item name="dates" label={t('search.filters.dates')} style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            format={DAY}
            placeholder={[t('search.filters.dateFrom'), t('search.filters.dateTo')]}
            data-testid="search-dates"
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('search.filters.category')}
          style={{ marginBottom: 0, minWidth: 180 }}
        >
          <Select
            allowClear
            placeholder={t('search.filters.allCategories')}
            loading={options.isLoading}
            options={(options.data?.categories ?? []).map((c) => ({ value: c.code, label: c.label }))}
            data-testid="search-category"
          />
        </Form.Item>
        {caseId ? (
          <Form.Item
            name="currentCaseOnly"
            valuePropName={CHECKED}
            initialValue
            label=" "
            colon={false}
            style={{ marginBottom: 0 }}
          >
            <Checkbox data-testid="search-current-case">{t('search.filters.currentCaseOnly')}</Checkbox>
          </Form.Item>
        ) : null}
      </Flex>
    </Form>
  );
}
