import { Card, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchQueryInput } from '../../../../shared/contracts/search';
import { useCurrentCase } from '../../app/current-case';
import { ErrorAlert } from '../../components/error-alert';
import { PageContainer } from '../../components/page-container';
import { useSearch, useSearchOptions } from './queries';
import { SearchForm, type SearchFilters } from './search-form';
import { SearchResults } from './search-results';
import './search.css';

/** Full-text search over intake, leads, persons, units and work records. */
export function SearchPage() {
  const { t } = useTranslation();
  const { caseId } = useCurrentCase();
  const [input, setInput] = useState<SearchQueryInput | null>(null);
  const search = useSearch(input);
  const options = useSearchOptions();
  const categoryLabel = (code: string) =>
    options.data?.categories.find((c) => c.code === code)?.label ?? code;

  const onSearch = (filters: SearchFilters) =>
    setInput({ ...filters, page: 1, pageSize: input?.pageSize ?? 20 });

  return (
    <PageContainer title={t('search.title')} description={t('search.description')} data-testid="search-page">
      <Card style={{ marginBottom: 16 }}>
        <SearchForm caseId={caseId} loading={search.isFetching} onSearch={onSearch} />
      </Card>
      <Card>
        <ErrorAlert result={search} style={{ marginBottom: 16 }} data-testid="search-error" />
        {search.data && input ? (
          <SearchResults
            result={search.data}
            categoryLabel={categoryLabel}
            onPage={(page, pageSize) =>
              setInput({ ...input, page: pageSize === input.pageSize ? page : 1, pageSize })
            }
          />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={t('search.hint')}
            style={{ padding: '48px 0' }}
            data-testid="search-idle"
          />
        )}
      </Card>
    </PageContainer>
  );
}
