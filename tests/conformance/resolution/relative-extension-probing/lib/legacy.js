export default 'legacy';
