import { deadlinesOf, type Deadline } from '../../../shared/deadlines/deadlines';
import { todayIn } from '../../../shared/dates/iso-date';
import { useApp } from '../../app/context';
import { useLoad, type Loaded } from '../../app/use-load';
import { allProjectRecords } from './load';

/** Every project's deadlines as of today in Japan; loaded again when `refreshKey` changes. */
export function useDeadlines(refreshKey = ''): Loaded<Deadline[]> {
  const { repos } = useApp();
  return useLoad(async () => deadlinesOf(await allProjectRecords(repos), todayIn('Asia/Tokyo')), [refreshKey]);
}
